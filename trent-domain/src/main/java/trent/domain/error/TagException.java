package trent.domain.error;

/** Wire error {@code TagException}. */
public final class TagException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "TagException";

  public TagException(String message) {
    super(CODE, message);
  }
}
