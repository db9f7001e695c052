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

  void keyChanged(String keyId);

  void aliasChanged(Scope scope, String aliasName);
}
