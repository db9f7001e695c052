package trent.domain.error;

/** Wire error {@code IncorrectKeyException}. */
public final class IncorrectKeyException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "IncorrectKeyException";

  public IncorrectKeyException(String message) {
    super(CODE, message);
  }
}
