package trent.domain.error;

/** Wire error {@code XksKeyAlreadyInUseException}. */
public final class XksKeyAlreadyInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksKeyAlreadyInUseException";

  public XksKeyAlreadyInUseException(String message) {
    super(CODE, message);
  }
}
