package trent.domain.error;

/** Wire error {@code ConflictException}. */
public final class ConflictException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "ConflictException";

  public ConflictException(String message) {
    super(CODE, message);
  }
}
