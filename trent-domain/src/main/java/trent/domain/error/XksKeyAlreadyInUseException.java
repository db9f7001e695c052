package trent.domain.error;

/** Wire error {@code XksKeyAlreadyInUseException}. */
public final class XksKeyAlreadyInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksKeyAlreadyInUseException";

  public XksKeyAlreadyInUseException(String message) {
    super(CODE, message);
  }

  // unconfirmed: AWS's text; the meaning is the API reference's.
  public static XksKeyAlreadyInUseException inUse(String xksKeyId) {
    return new XksKeyAlreadyInUseException("The external key '" + xksKeyId
        + "' is already associated with another KMS key in this external key store.");
  }
}
