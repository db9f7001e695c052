package trent.protocol;

import java.util.List;
import java.util.Objects;
import trent.policy.PolicyDocument;

/**
 * A principal that may sign requests: its access key, secret, account, ARN and IAM identity
 * policies (parsed and validated when the configuration is read). {@link #toString()} never shows
 * the secret.
 */
public record Identity(String accessKeyId, String secretAccessKey, String account, String arn,
    List<PolicyDocument> policies) {

  public Identity {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(arn, "arn");
    policies = List.copyOf(policies);
  }

  /** An identity without identity policies (an account root needs none; any other principal may then do nothing). */
  public Identity(String accessKeyId, String secretAccessKey, String account, String arn) {
    this(accessKeyId, secretAccessKey, account, arn, List.of());
  }

  /** The same identity with these identity policies. */
  public Identity withPolicies(List<PolicyDocument> policies) {
    return new Identity(accessKeyId, secretAccessKey, account, arn, policies);
  }

  @Override
  public String toString() {
    return "Identity[accessKeyId=" + accessKeyId + ", account=" + account + ", arn=" + arn + "]";
  }
}
