package trent.domain.error;

/** Wire error {@code KMSInvalidStateException}. */
public final class KMSInvalidStateException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "KMSInvalidStateException";

  public KMSInvalidStateException(String message) {
    super(CODE, message);
  }
}
