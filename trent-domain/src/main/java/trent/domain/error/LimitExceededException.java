package trent.domain.error;

/** Wire error {@code LimitExceededException}. */
public final class LimitExceededException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "LimitExceededException";

  public LimitExceededException(String message) {
    super(CODE, message);
  }
}
