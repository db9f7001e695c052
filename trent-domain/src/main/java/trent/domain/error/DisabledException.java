package trent.domain.error;

/** Wire error {@code DisabledException}. */
public final class DisabledException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "DisabledException";

  public DisabledException(String message) {
    super(CODE, message);
  }

  /** Recorded AWS text. */
  public static DisabledException keyDisabled(String keyArn) {
    return new DisabledException(keyArn + " is disabled.");
  }
}
