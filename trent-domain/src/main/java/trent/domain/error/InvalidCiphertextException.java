package trent.domain.error;

/** Wire error {@code InvalidCiphertextException}. */
public final class InvalidCiphertextException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidCiphertextException";

  public InvalidCiphertextException(String message) {
    super(CODE, message);
  }
}
