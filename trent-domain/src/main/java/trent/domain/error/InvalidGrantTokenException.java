package trent.domain.error;

/** Wire error {@code InvalidGrantTokenException}. */
public final class InvalidGrantTokenException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidGrantTokenException";

  public InvalidGrantTokenException(String message) {
    super(CODE, message);
  }

  /**
   * A grant token that is malformed or names no existing grant. The text is Trent's: no public
   * record of AWS's wording was found (<em>unconfirmed</em>).
   */
  public static InvalidGrantTokenException invalidToken() {
    return new InvalidGrantTokenException("The grant token is not valid.");
  }

  /**
   * RetireGrant without GrantToken and without KeyId + GrantId. LocalStack's text
   * ({@code localstack/services/kms/provider.py}, retire_grant); <em>unconfirmed against AWS</em>.
   */
  public static InvalidGrantTokenException tokenOrIdRequired() {
    return new InvalidGrantTokenException("Grant token OR (grant ID, key ID) must be specified");
  }
}
