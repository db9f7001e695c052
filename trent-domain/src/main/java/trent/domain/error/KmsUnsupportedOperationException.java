package trent.domain.error;

/** Wire error {@code UnsupportedOperationException}. */
public final class KmsUnsupportedOperationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "UnsupportedOperationException";

  public KmsUnsupportedOperationException(String message) {
    super(CODE, message);
  }

  /**
   * Not recorded (ours, modelled on the key usage text): a symmetric or HMAC key asked for what only
   * asymmetric keys have (GetPublicKey). The error code is AWS's (OPERATIONS.md, GetPublicKey).
   */
  public static KmsUnsupportedOperationException specNotValidFor(String keyArn, String keySpec, String operation) {
    return new KmsUnsupportedOperationException(
        keyArn + " key spec is " + keySpec + " which is not valid for " + operation + ".");
  }
}
