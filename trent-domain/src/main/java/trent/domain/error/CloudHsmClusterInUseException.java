package trent.domain.error;

/** Wire error {@code CloudHsmClusterInUseException}. */
public final class CloudHsmClusterInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CloudHsmClusterInUseException";

  public CloudHsmClusterInUseException(String message) {
    super(CODE, message);
  }

  // unconfirmed: AWS's text; the meaning is the API reference's.
  public static CloudHsmClusterInUseException clusterInUse(String clusterId) {
    return new CloudHsmClusterInUseException("AWS CloudHSM cluster '" + clusterId
        + "' is already associated with an AWS CloudHSM key store in the account.");
  }
}
