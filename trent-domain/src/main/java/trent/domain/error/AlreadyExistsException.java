package trent.domain.error;

/** Wire error {@code AlreadyExistsException}. */
public final class AlreadyExistsException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "AlreadyExistsException";

  public AlreadyExistsException(String message) {
    super(CODE, message);
  }
}
