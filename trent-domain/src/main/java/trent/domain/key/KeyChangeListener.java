package trent.domain.key;

import trent.domain.Scope;

/**
 * Told after a change to a key or an alias has been stored, so that copies held in memory are
 * dropped at once.
 */
public interface KeyChangeListener {

  KeyChangeListener NONE = new KeyChangeListener() {
    @Override
    public void keyChanged(String keyId) {}

    @Override
    public void aliasChanged(Scope scope, String aliasName) {}
  };

  /** Tells every listener, in order. */
  static KeyChangeListener all(KeyChangeListener... listeners) {
    KeyChangeListener[] copy = listeners.clone();
    return new KeyChangeListener() {
      @Override
      public void keyChanged(String keyId) {
        for (KeyChangeListener l : copy) {
          l.keyChanged(keyId);
        }
      }

      @Override
      public void aliasChanged(Scope scope, String aliasName) {
        for (KeyChangeListener l : copy) {
          l.aliasChanged(scope, aliasName);
        }
      }

      @Override
      public void tagsChanged(String keyId) {
        for (KeyChangeListener l : copy) {
          l.tagsChanged(keyId);
        }
      }
    };
  }

  void keyChanged(String keyId);

  void aliasChanged(Scope scope, String aliasName);

  /** The tags of a key changed (TagResource, UntagResource). Nothing by default: most copies hold no tags. */
  default void tagsChanged(String keyId) {}
}
