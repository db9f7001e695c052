package trent.domain.error;

/** Wire error {@code UnrecognizedClientException}. */
public final class UnrecognizedClientException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "UnrecognizedClientException";

  public UnrecognizedClientException(String message) {
    super(CODE, message);
  }
}
