package trent.domain.error;

/** Wire error {@code CloudHsmClusterNotActiveException}. */
public final class CloudHsmClusterNotActiveException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CloudHsmClusterNotActiveException";

  public CloudHsmClusterNotActiveException(String message) {
    super(CODE, message);
  }
}
