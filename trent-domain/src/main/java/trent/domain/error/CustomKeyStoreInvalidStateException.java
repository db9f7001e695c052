package trent.domain.error;

/** Wire error {@code CustomKeyStoreInvalidStateException}. */
public final class CustomKeyStoreInvalidStateException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "CustomKeyStoreInvalidStateException";

  public CustomKeyStoreInvalidStateException(String message) {
    super(CODE, message);
  }

  /** Update or delete of a store that is not DISCONNECTED. */
  // unconfirmed: AWS's text; the rule is the API reference's.
  public static CustomKeyStoreInvalidStateException mustBeDisconnected(String customKeyStoreId, String state) {
    return new CustomKeyStoreInvalidStateException("Custom key store '" + customKeyStoreId + "' is " + state
        + ". This operation is valid only when the custom key store is DISCONNECTED.");
  }

  /** Connect or disconnect of a store in a state that does not allow it. */
  // unconfirmed: AWS's text; the rule is the API reference's.
  public static CustomKeyStoreInvalidStateException notValidIn(String customKeyStoreId, String state) {
    return new CustomKeyStoreInvalidStateException("Custom key store '" + customKeyStoreId + "' is " + state
        + ". This operation is not valid in this connection state.");
  }

  /**
   * CreateKey in an external key store that is not connected: the text of the XKS proxy API
   * specification's error table ("Custom key store is not in CONNECTED state").
   */
  public static CustomKeyStoreInvalidStateException xksNotConnected() {
    return new CustomKeyStoreInvalidStateException(XKS_NOT_CONNECTED);
  }

  /** The XKS proxy API specification's text for a key in a store that is not connected. */
  public static final String XKS_NOT_CONNECTED = "This KMS key is in a custom key store that is not connected to its"
      + " external key store proxy. Connect the external key store and try the request again.";

  /** CreateKey or GenerateRandom in a CloudHSM key store that is not connected. */
  // unconfirmed: AWS's text; the rule is the API reference's.
  public static CustomKeyStoreInvalidStateException cloudHsmNotConnected(String customKeyStoreId, String state) {
    return new CustomKeyStoreInvalidStateException("Custom key store '" + customKeyStoreId + "' is " + state
        + ". This operation is valid only when the AWS CloudHSM key store is CONNECTED.");
  }
}
