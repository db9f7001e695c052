package trent.domain.error;

/** Wire error {@code CustomKeyStoreInvalidStateException}. */
public final class CustomKeyStoreInvalidStateException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CustomKeyStoreInvalidStateException";

  public CustomKeyStoreInvalidStateException(String message) {
    super(CODE, message);
  }
}
