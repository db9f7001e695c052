package trent.domain.audit;

/**
 * Who made a request, as CloudTrail's {@code userIdentity}.
 *
 * <p>Trent has no IAM unique ids, so {@code principalId} is the account id for the account root
 * and the access key id for users and roles. A request that failed authentication has type
 * {@code Unknown}, and only the access key id it claimed (when it could be read).
 *
 * @param type {@code Root}, {@code IAMUser}, {@code AssumedRole} or {@code Unknown}
 */
public record UserIdentity(String type, String principalId, String arn, String accountId, String accessKeyId) {

  public static final String ROOT = "Root";
  public static final String IAM_USER = "IAMUser";
  public static final String ASSUMED_ROLE = "AssumedRole";
  public static final String UNKNOWN = "Unknown";

  /** The identity of an authenticated caller, its type derived from the form of its ARN. */
  public static UserIdentity of(String principalArn, String accountId, String accessKeyId) {
    String resource = principalArn.substring(principalArn.lastIndexOf(':') + 1);
    if (resource.equals("root")) {
      return new UserIdentity(ROOT, accountId, principalArn, accountId, accessKeyId);
    }
    String type = resource.startsWith("role/") || resource.startsWith("assumed-role/") ? ASSUMED_ROLE : IAM_USER;
    return new UserIdentity(type, accessKeyId, principalArn, accountId, accessKeyId);
  }

  /** A caller that could not be authenticated; {@code accessKeyId} may be null. */
  public static UserIdentity unknown(String accessKeyId) {
    return new UserIdentity(UNKNOWN, null, null, null, accessKeyId);
  }
}
