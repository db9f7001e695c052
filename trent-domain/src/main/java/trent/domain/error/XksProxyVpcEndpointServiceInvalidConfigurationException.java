package trent.domain.error;

/** Wire error {@code XksProxyVpcEndpointServiceInvalidConfigurationException}. */
public final class XksProxyVpcEndpointServiceInvalidConfigurationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyVpcEndpointServiceInvalidConfigurationException";

  public XksProxyVpcEndpointServiceInvalidConfigurationException(String message) {
    super(CODE, message);
  }
}
