package trent.domain.error;

/** Wire error {@code KMSInvalidStateException}. */
public final class KMSInvalidStateException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "KMSInvalidStateException";

  public KMSInvalidStateException(String message) {
    super(CODE, message);
  }

  /** The key is in a state in which the operation is not allowed; {@code stateText} as AWS words it. */
  public static KMSInvalidStateException keyIs(String keyArn, String stateText) {
    return new KMSInvalidStateException(keyArn + " is " + stateText + ".");
  }

  public static KMSInvalidStateException notPendingDeletion(String keyArn) {
    return new KMSInvalidStateException(keyArn + " is not pending deletion.");
  }
}
