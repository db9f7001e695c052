package trent.domain.error;

/** Wire error {@code DryRunOperationException}. */
public final class DryRunOperationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "DryRunOperationException";

  public DryRunOperationException(String message) {
    super(CODE, message);
  }

  /** Recorded AWS text. */
  public static DryRunOperationException wouldHaveSucceeded() {
    return new DryRunOperationException("The request would have succeeded, but the DryRun option is set.");
  }
}
