package trent.domain.error;

/** Wire error {@code XksProxyInvalidResponseException}. */
public final class XksProxyInvalidResponseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyInvalidResponseException";

  public XksProxyInvalidResponseException(String message) {
    super(CODE, message);
  }
}
