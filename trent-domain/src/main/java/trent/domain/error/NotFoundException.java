package trent.domain.error;

/** Wire error {@code NotFoundException}. */
public final class NotFoundException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "NotFoundException";

  public NotFoundException(String message) {
    super(CODE, message);
  }

  /** The value is not a well-formed key id (recorded AWS text). */
  public static NotFoundException invalidKeyId(String value) {
    return new NotFoundException("Invalid keyId '" + value + "'");
  }

  /** A well-formed key id or ARN names no key of the caller's account and Region (recorded AWS text). */
  public static NotFoundException keyDoesNotExist(String keyArn) {
    return new NotFoundException("Key '" + keyArn + "' does not exist");
  }

  /** A key ARN names another Region than the request's (recorded AWS text). */
  public static NotFoundException invalidArnRegion(String region) {
    return new NotFoundException("Invalid arn " + region);
  }

  /** No alias of that name exists. */
  public static NotFoundException aliasNotFound(String aliasArn) {
    return new NotFoundException("Alias " + aliasArn + " is not found.");
  }

  /** No grant with that id on the key. moto's text ({@code moto/kms/models.py} revoke_grant); <em>unconfirmed against AWS</em>. */
  public static NotFoundException grantNotFound(String grantId) {
    return new NotFoundException("Grant ID " + grantId + " not found");
  }

  /** A key policy name other than {@code default}. moto's text ({@code moto/kms/responses.py}); <em>unconfirmed against AWS</em>. */
  public static NotFoundException noSuchPolicy() {
    return new NotFoundException("No such policy exists");
  }
}
