package trent.domain.error;

/** Wire error {@code ValidationException}. */
public final class ValidationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "ValidationException";

  public ValidationException(String message) {
    super(CODE, message);
  }
}
