package trent.domain.key;

import trent.domain.Scope;

/**
 * Told after a change to a key or an alias has been stored, so that copies held in memory are
 * dropped at once. A key is named by its id and Region: the copies of a multi-Region key share
 * their id, one per Region, and a change to one copy (its state, policy, tags) is not a change to
 * the others; a change to what they share (key material, rotation) is told for every copy.
 */
public interface KeyChangeListener {

  KeyChangeListener NONE = new KeyChangeListener() {
    @Override
    public void keyChanged(String keyId, String region) {}

    @Override
    public void aliasChanged(Scope scope, String aliasName) {}
  };

  /** Tells every listener, in order. */
  static KeyChangeListener all(KeyChangeListener... listeners) {
    KeyChangeListener[] copy = listeners.clone();
    return new KeyChangeListener() {
      @Override
      public void keyChanged(String keyId, String region) {
        for (KeyChangeListener l : copy) {
          l.keyChanged(keyId, region);
        }
      }

      @Override
      public void aliasChanged(Scope scope, String aliasName) {
        for (KeyChangeListener l : copy) {
          l.aliasChanged(scope, aliasName);
        }
      }

      @Override
      public void tagsChanged(String keyId, String region) {
        for (KeyChangeListener l : copy) {
          l.tagsChanged(keyId, region);
        }
      }
    };
  }

  void keyChanged(String keyId, String region);

  /** The key (that copy of a multi-Region key) changed. */
  default void keyChanged(KmsKey key) {
    keyChanged(key.keyId(), key.region());
  }

  void aliasChanged(Scope scope, String aliasName);

  /** The tags of a key changed (TagResource, UntagResource). Nothing by default: most copies hold no tags. */
  default void tagsChanged(String keyId, String region) {}
}
