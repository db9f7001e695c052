package trent.domain.error;

/** Wire error {@code XksProxyVpcEndpointServiceNotFoundException}. */
public final class XksProxyVpcEndpointServiceNotFoundException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyVpcEndpointServiceNotFoundException";

  public XksProxyVpcEndpointServiceNotFoundException(String message) {
    super(CODE, message);
  }
}
