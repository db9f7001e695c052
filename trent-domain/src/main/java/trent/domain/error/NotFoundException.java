package trent.domain.error;

/** Wire error {@code NotFoundException}. */
public final class NotFoundException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "NotFoundException";

  public NotFoundException(String message) {
    super(CODE, message);
  }
}
