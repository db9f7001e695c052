package trent.domain.error;

/** Wire error {@code XksProxyUriUnreachableException}. */
public final class XksProxyUriUnreachableException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyUriUnreachableException";

  public XksProxyUriUnreachableException(String message) {
    super(CODE, message);
  }
}
