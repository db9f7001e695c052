package trent.domain.error;

/** Wire error {@code ExpiredTokenException}. */
public final class ExpiredTokenException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "ExpiredTokenException";

  public ExpiredTokenException(String message) {
    super(CODE, message);
  }
}
