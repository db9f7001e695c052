package trent.domain.error;

/**
 * Wire error {@code NotAuthorizedException}: the name is reserved for AWS (aliases beginning with
 * {@code alias/aws/}). Sent without a message, as moto records AWS doing.
 */
public final class NotAuthorizedException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "NotAuthorizedException";

  public NotAuthorizedException() {
    super(CODE, "");
  }
}
