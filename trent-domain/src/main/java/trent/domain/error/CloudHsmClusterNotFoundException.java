package trent.domain.error;

/** Wire error {@code CloudHsmClusterNotFoundException}. */
public final class CloudHsmClusterNotFoundException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CloudHsmClusterNotFoundException";

  public CloudHsmClusterNotFoundException(String message) {
    super(CODE, message);
  }
}
