package trent.domain.error;

/** Wire error {@code CustomKeyStoreNameInUseException}. */
public final class CustomKeyStoreNameInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CustomKeyStoreNameInUseException";

  public CustomKeyStoreNameInUseException(String message) {
    super(CODE, message);
  }

  // unconfirmed: AWS's text; the meaning is the API reference's ("already assigned to another
  // custom key store in the account").
  public static CustomKeyStoreNameInUseException nameInUse(String name) {
    return new CustomKeyStoreNameInUseException("Custom key store name '" + name
        + "' is already assigned to another custom key store in the account.");
  }
}
