package trent.domain.error;

/** Wire error {@code XksProxyVpcEndpointServiceInUseException}. */
public final class XksProxyVpcEndpointServiceInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyVpcEndpointServiceInUseException";

  public XksProxyVpcEndpointServiceInUseException(String message) {
    super(CODE, message);
  }
}
