package trent.domain.error;

/** Wire error {@code KMSInvalidMacException}. */
public final class KMSInvalidMacException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "KMSInvalidMacException";

  public KMSInvalidMacException(String message) {
    super(CODE, message);
  }
}
