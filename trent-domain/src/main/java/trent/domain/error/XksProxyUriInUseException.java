package trent.domain.error;

/** Wire error {@code XksProxyUriInUseException}. */
public final class XksProxyUriInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyUriInUseException";

  public XksProxyUriInUseException(String message) {
    super(CODE, message);
  }
}
