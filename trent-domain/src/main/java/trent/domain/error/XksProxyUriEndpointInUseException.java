package trent.domain.error;

/** Wire error {@code XksProxyUriEndpointInUseException}. */
public final class XksProxyUriEndpointInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyUriEndpointInUseException";

  public XksProxyUriEndpointInUseException(String message) {
    super(CODE, message);
  }
}
