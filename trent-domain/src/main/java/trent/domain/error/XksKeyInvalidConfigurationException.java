package trent.domain.error;

/** Wire error {@code XksKeyInvalidConfigurationException}. */
public final class XksKeyInvalidConfigurationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksKeyInvalidConfigurationException";

  public XksKeyInvalidConfigurationException(String message) {
    super(CODE, message);
  }
}
