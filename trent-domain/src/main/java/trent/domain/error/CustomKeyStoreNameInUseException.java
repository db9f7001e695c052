package trent.domain.error;

/** Wire error {@code CustomKeyStoreNameInUseException}. */
public final class CustomKeyStoreNameInUseException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CustomKeyStoreNameInUseException";

  public CustomKeyStoreNameInUseException(String message) {
    super(CODE, message);
  }
}
