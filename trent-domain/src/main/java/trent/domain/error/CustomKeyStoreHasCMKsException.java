package trent.domain.error;

/** Wire error {@code CustomKeyStoreHasCMKsException}. */
public final class CustomKeyStoreHasCMKsException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CustomKeyStoreHasCMKsException";

  public CustomKeyStoreHasCMKsException(String message) {
    super(CODE, message);
  }
}
