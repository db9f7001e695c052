package trent.domain.error;

/** Wire error {@code InvalidCiphertextException}. */
public final class InvalidCiphertextException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidCiphertextException";

  public InvalidCiphertextException(String message) {
    super(CODE, message);
  }

  /** AWS sends this error without a message, whatever was wrong with the ciphertext. */
  public static InvalidCiphertextException invalid() {
    return new InvalidCiphertextException("");
  }
}
