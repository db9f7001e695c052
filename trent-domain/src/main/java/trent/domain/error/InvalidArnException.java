package trent.domain.error;

/** Wire error {@code InvalidArnException}. */
public final class InvalidArnException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidArnException";

  public InvalidArnException(String message) {
    super(CODE, message);
  }
}
