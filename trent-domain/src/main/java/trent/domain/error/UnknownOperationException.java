package trent.domain.error;

/** Wire error {@code UnknownOperationException}. */
public final class UnknownOperationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "UnknownOperationException";

  public UnknownOperationException(String message) {
    super(CODE, message);
  }
}
