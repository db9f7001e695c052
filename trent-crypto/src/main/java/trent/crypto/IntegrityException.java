package trent.crypto;

/**
 * Authenticated decryption failed: the bytes were changed, truncated, bound to other associated
 * data, or made under another key. Deliberately says nothing about which.
 */
public final class IntegrityException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public IntegrityException() {
    super("authentication failed");
  }
}
