package trent.domain.error;

/** Wire error {@code CustomKeyStoreNotFoundException}. */
public final class CustomKeyStoreNotFoundException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CustomKeyStoreNotFoundException";

  public CustomKeyStoreNotFoundException(String message) {
    super(CODE, message);
  }

  /** No custom key store of the caller's account and Region has this id. */
  // unconfirmed: AWS's text for an unknown custom key store id.
  public static CustomKeyStoreNotFoundException noSuchStore(String customKeyStoreId) {
    return new CustomKeyStoreNotFoundException("Custom key store '" + customKeyStoreId + "' does not exist.");
  }

  /** No custom key store of the caller's account and Region has this name (DescribeCustomKeyStores). */
  // unconfirmed: AWS's text for an unknown custom key store name.
  public static CustomKeyStoreNotFoundException noSuchName(String customKeyStoreName) {
    return new CustomKeyStoreNotFoundException("Custom key store with name '" + customKeyStoreName + "' does not exist.");
  }
}
