package trent.domain.error;

/** Wire error {@code DependencyTimeoutException}. */
public final class DependencyTimeoutException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "DependencyTimeoutException";

  public DependencyTimeoutException(String message, Throwable cause) {
    super(CODE, 503, message, cause);
  }
}
