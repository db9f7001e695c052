package trent.domain.error;

/** Wire error {@code CustomKeyStoreHasCMKsException}. */
public final class CustomKeyStoreHasCMKsException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CustomKeyStoreHasCMKsException";

  public CustomKeyStoreHasCMKsException(String message) {
    super(CODE, message);
  }

  // unconfirmed: AWS's text; the rule is the API reference's.
  public static CustomKeyStoreHasCMKsException hasKeys(String customKeyStoreId) {
    return new CustomKeyStoreHasCMKsException("Custom key store '" + customKeyStoreId
        + "' contains KMS keys. Delete them (ScheduleKeyDeletion) before you delete the custom key store.");
  }
}
