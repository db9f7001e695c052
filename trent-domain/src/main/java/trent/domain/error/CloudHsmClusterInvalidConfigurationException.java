package trent.domain.error;

/** Wire error {@code CloudHsmClusterInvalidConfigurationException}. */
public final class CloudHsmClusterInvalidConfigurationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CloudHsmClusterInvalidConfigurationException";

  public CloudHsmClusterInvalidConfigurationException(String message) {
    super(CODE, message);
  }
}
