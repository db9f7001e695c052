package trent.domain.error;

/** Wire error {@code XksKeyNotFoundException}. */
public final class XksKeyNotFoundException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksKeyNotFoundException";

  public XksKeyNotFoundException(String message) {
    super(CODE, message);
  }
}
