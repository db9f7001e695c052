package trent.domain.error;

/** Wire error {@code InvalidGrantTokenException}. */
public final class InvalidGrantTokenException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidGrantTokenException";

  public InvalidGrantTokenException(String message) {
    super(CODE, message);
  }
}
