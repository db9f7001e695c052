package trent.domain.error;

/** Wire error {@code XksProxyUriEndpointInUseException}. */
public final class XksProxyUriEndpointInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyUriEndpointInUseException";

  public XksProxyUriEndpointInUseException(String message) {
    super(CODE, message);
  }

  // unconfirmed: AWS's text; the meaning is the API reference's.
  public static XksProxyUriEndpointInUseException endpointInUse() {
    return new XksProxyUriEndpointInUseException("The XksProxyUriEndpoint is already associated with another external"
        + " key store in this AWS Region.");
  }
}
