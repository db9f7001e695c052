package trent.domain.error;

/** Wire error {@code MissingAuthenticationTokenException}. */
public final class MissingAuthenticationTokenException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "MissingAuthenticationTokenException";

  public MissingAuthenticationTokenException(String message) {
    super(CODE, message);
  }
}
