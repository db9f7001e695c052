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
    };
  }

  void keyChanged(String keyId);

  void aliasChanged(Scope scope, String aliasName);
}
