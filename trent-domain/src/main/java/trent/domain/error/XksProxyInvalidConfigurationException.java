package trent.domain.error;

/** Wire error {@code XksProxyInvalidConfigurationException}. */
public final class XksProxyInvalidConfigurationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyInvalidConfigurationException";

  public XksProxyInvalidConfigurationException(String message) {
    super(CODE, message);
  }
}
