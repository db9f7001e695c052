package trent.domain.error;

/** Wire error {@code XksProxyUriInUseException}. */
public final class XksProxyUriInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyUriInUseException";

  public XksProxyUriInUseException(String message) {
    super(CODE, message);
  }

  // unconfirmed: AWS's text; the meaning is the API reference's.
  public static XksProxyUriInUseException uriInUse() {
    return new XksProxyUriInUseException("The concatenation of the XksProxyUriEndpoint and XksProxyUriPath is already"
        + " associated with another external key store in this AWS Region.");
  }
}
