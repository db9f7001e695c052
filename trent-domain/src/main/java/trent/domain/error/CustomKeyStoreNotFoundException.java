package trent.domain.error;

/** Wire error {@code CustomKeyStoreNotFoundException}. */
public final class CustomKeyStoreNotFoundException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CustomKeyStoreNotFoundException";

  public CustomKeyStoreNotFoundException(String message) {
    super(CODE, message);
  }

  /** Trent has no custom key stores yet, so every id names none. */
  public static CustomKeyStoreNotFoundException noSuchStore(String customKeyStoreId) {
    return new CustomKeyStoreNotFoundException("Custom key store '" + customKeyStoreId + "' does not exist.");
  }
}
