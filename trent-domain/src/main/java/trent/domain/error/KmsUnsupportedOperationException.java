package trent.domain.error;

/** Wire error {@code UnsupportedOperationException}. */
public final class KmsUnsupportedOperationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "UnsupportedOperationException";

  public KmsUnsupportedOperationException(String message) {
    super(CODE, message);
  }
}
