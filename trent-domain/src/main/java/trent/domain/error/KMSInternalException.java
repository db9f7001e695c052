package trent.domain.error;

/** Wire error {@code KMSInternalException}. */
public final class KMSInternalException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "KMSInternalException";

  public KMSInternalException(String message, Throwable cause) {
    super(CODE, 500, message, cause);
  }

  /** The one message every unexpected failure is answered with; the cause goes to the log only. */
  public static KMSInternalException unexpected(Throwable cause) {
    return new KMSInternalException("An internal error occurred. Try again later.", cause);
  }
}
