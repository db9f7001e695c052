package trent.domain.error;

/** Wire error {@code InvalidGrantIdException}. */
public final class InvalidGrantIdException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidGrantIdException";

  public InvalidGrantIdException(String message) {
    super(CODE, message);
  }
}
