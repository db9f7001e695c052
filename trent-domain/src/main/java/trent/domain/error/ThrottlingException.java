package trent.domain.error;

/** Wire error {@code ThrottlingException}. */
public final class ThrottlingException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "ThrottlingException";

  public ThrottlingException(String message) {
    super(CODE, message);
  }
}
