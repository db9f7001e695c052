package trent.domain.error;

/** Wire error {@code KMSInvalidSignatureException}. */
public final class KMSInvalidSignatureException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "KMSInvalidSignatureException";

  public KMSInvalidSignatureException(String message) {
    super(CODE, message);
  }
}
