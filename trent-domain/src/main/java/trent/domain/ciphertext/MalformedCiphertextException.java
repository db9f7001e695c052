package trent.domain.ciphertext;

/**
 * A ciphertext blob could not be parsed or opened: wrong length, unknown format version or key id
 * kind, made under other key material, changed in any byte, or bound to another encryption
 * context. Every such failure is this one type, so the operation layer answers all of them with
 * {@code InvalidCiphertextException}. The message is for logs only: it says which check failed,
 * never why authentication failed, and never contains plaintext or key material.
 */
public final class MalformedCiphertextException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedCiphertextException(String message) {
    super(message, null, false, false);
  }
}
