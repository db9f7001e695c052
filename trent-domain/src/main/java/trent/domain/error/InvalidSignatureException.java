package trent.domain.error;

/** Wire error {@code InvalidSignatureException}. */
public final class InvalidSignatureException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidSignatureException";

  public InvalidSignatureException(String message) {
    super(CODE, message);
  }
}
