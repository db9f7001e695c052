package trent.domain.error;

/** Wire error {@code AccessDeniedException}. */
public final class AccessDeniedException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "AccessDeniedException";

  public AccessDeniedException(String message) {
    super(CODE, message);
  }

  /**
   * A denial that no policy decided (RetireGrant by a principal the grant does not name). AWS's
   * head of the message without a reason; <em>unconfirmed</em> for RetireGrant.
   */
  public static AccessDeniedException notAuthorized(String principalArn, String action, String resource) {
    return new AccessDeniedException("User: " + principalArn + " is not authorized to perform: " + action
        + " on resource: " + resource);
  }
}
