package trent.domain.error;

/** Wire error {@code AccessDeniedException}. */
public final class AccessDeniedException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "AccessDeniedException";

  public AccessDeniedException(String message) {
    super(CODE, message);
  }
}
