package trent.domain.error;

/** Wire error {@code CloudHsmClusterNotRelatedException}. */
public final class CloudHsmClusterNotRelatedException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CloudHsmClusterNotRelatedException";

  public CloudHsmClusterNotRelatedException(String message) {
    super(CODE, message);
  }
}
