package trent.ops;

import java.util.List;
import java.util.Objects;
import trent.policy.PolicyDocument;

/**
 * The authenticated principal of a request.
 *
 * @param account the caller's account id (12 digits)
 * @param principalArn e.g. {@code arn:aws:iam::111122223333:root} or {@code ...:user/alice}
 * @param accessKeyId the access key id the request was signed with
 * @param identityPolicies the principal's IAM identity policies, parsed once at start (none for an
 *     account root, which may do everything its account's key policies allow)
 */
public record Caller(String account, String principalArn, String accessKeyId, List<PolicyDocument> identityPolicies) {

  public Caller {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(principalArn, "principalArn");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    identityPolicies = List.copyOf(identityPolicies);
  }

  /** A caller without identity policies. */
  public Caller(String account, String principalArn, String accessKeyId) {
    this(account, principalArn, accessKeyId, List.of());
  }

  /** The ARN of the caller's account root, {@code arn:aws:iam::<account>:root}. */
  public String accountRootArn() {
    return "arn:aws:iam::" + account + ":root";
  }
}
