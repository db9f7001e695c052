package trent.domain.error;

/** Wire error {@code AlreadyExistsException}. */
public final class AlreadyExistsException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "AlreadyExistsException";

  public AlreadyExistsException(String message) {
    super(CODE, message);
  }

  public static AlreadyExistsException aliasExists(String aliasArn) {
    return new AlreadyExistsException("An alias with the name " + aliasArn + " already exists");
  }
}
