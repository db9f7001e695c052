package trent.domain.error;

/** Wire error {@code CustomKeyStoreNotFoundException}. */
public final class CustomKeyStoreNotFoundException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CustomKeyStoreNotFoundException";

  public CustomKeyStoreNotFoundException(String message) {
    super(CODE, message);
  }
}
