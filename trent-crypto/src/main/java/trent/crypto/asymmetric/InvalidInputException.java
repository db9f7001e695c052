package trent.crypto.asymmetric;

import trent.crypto.CryptoException;

/**
 * An input broke a stated rule: a message or digest of the wrong length, a plaintext over the
 * algorithm's limit, a public or private key that is malformed, of another key spec, or (for a peer
 * public key) not a point on the key's curve. The message says which rule; it never contains key
 * material or plaintext.
 */
public final class InvalidInputException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
