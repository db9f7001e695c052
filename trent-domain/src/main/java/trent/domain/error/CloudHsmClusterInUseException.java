package trent.domain.error;

/** Wire error {@code CloudHsmClusterInUseException}. */
public final class CloudHsmClusterInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CloudHsmClusterInUseException";

  public CloudHsmClusterInUseException(String message) {
    super(CODE, message);
  }
}
