package trent.domain.error;

/** Wire error {@code XksProxyVpcEndpointServiceInUseException}. */
public final class XksProxyVpcEndpointServiceInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyVpcEndpointServiceInUseException";

  public XksProxyVpcEndpointServiceInUseException(String message) {
    super(CODE, message);
  }

  // unconfirmed: AWS's text; the meaning is the API reference's.
  public static XksProxyVpcEndpointServiceInUseException serviceInUse() {
    return new XksProxyVpcEndpointServiceInUseException("The specified Amazon VPC endpoint service is already"
        + " associated with another external key store in this AWS Region.");
  }
}
