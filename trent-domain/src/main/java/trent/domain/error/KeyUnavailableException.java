package trent.domain.error;

/** Wire error {@code KeyUnavailableException}. */
public final class KeyUnavailableException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "KeyUnavailableException";

  public KeyUnavailableException(String message, Throwable cause) {
    super(CODE, 500, message, cause);
  }
}
