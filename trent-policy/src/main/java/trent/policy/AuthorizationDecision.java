package trent.policy;

import java.util.Objects;

/**
 * The KMS decision for one request, with the reason and, for a denial, AWS's
 * {@code AccessDeniedException} message.
 *
 * @param reason why
 * @param principalArn the caller, for the message
 * @param action the action as requested, for the message
 * @param resource the key ARN (or other resource), for the message
 */
public record AuthorizationDecision(Reason reason, String principalArn, String action, String resource) {

  /** Why a request was allowed or denied. */
  public enum Reason {
    /** The key policy allows the caller by name (or {@code "*"}). */
    ALLOWED_BY_KEY_POLICY(true),
    /** A grant allows it. */
    ALLOWED_BY_GRANT(true),
    /**
     * The key policy allows the caller's account and the caller's identity policy allows the action
     * (same account: delegation through the root principal; other account: both sides are required).
     */
    ALLOWED_BY_KEY_POLICY_AND_IDENTITY_POLICY(true),
    /** An IAM-only permission (no key involved) and the identity policy allows it. */
    ALLOWED_BY_IDENTITY_POLICY(true),
    /** A Deny statement in the key policy applies. */
    EXPLICIT_DENY_IN_KEY_POLICY(false),
    /** A Deny statement in an identity policy applies. */
    EXPLICIT_DENY_IN_IDENTITY_POLICY(false),
    /** The key policy allows neither the caller nor its account. */
    NO_KEY_POLICY_ALLOWS(false),
    /** The key policy allows the caller's account (or it is an IAM-only action), but no identity policy allows it. */
    NO_IDENTITY_POLICY_ALLOWS(false);

    private final boolean allows;

    Reason(boolean allows) {
      this.allows = allows;
    }

    /** True for the allowing reasons. */
    public boolean allows() {
      return allows;
    }
  }

  public AuthorizationDecision {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(principalArn, "principalArn");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
  }

  /** True if the request is allowed. */
  public boolean allowed() {
    return reason.allows();
  }

  /**
   * AWS's {@code AccessDeniedException} message for this denial. The forms, as quoted from real AWS
   * answers in public threads:
   *
   * <ul>
   *   <li>{@code User: <arn> is not authorized to perform: kms:<Action> on resource: <key-arn> because no
   *       identity-based policy allows the kms:<Action> action} (e.g. {@code aws/copilot-cli} issue 5500,
   *       kms:GenerateDataKey with the default key policy and an identity policy that does not allow it);
   *   <li>{@code ... because no resource-based policy allows the kms:<Action> action} (e.g.
   *       {@code 4dn-dcic/tibanna} issue 402, {@code jbrt/ec2cryptomatic} issue 26: a key policy that does
   *       not allow the caller);
   *   <li>{@code ... with an explicit deny in a resource-based policy} and {@code ... with an explicit deny in
   *       an identity-based policy}: IAM's shared forms, seen for S3 and IAM in public threads; not found
   *       quoted for KMS (<em>unconfirmed for KMS</em>). AWS may append {@code : <policy-arn>} to the
   *       identity-based form for managed policies; Trent's identity policies are inline, so it never does.
   * </ul>
   *
   * Which ending applies when both the key policy and the identity policy fail (cross-account) is not
   * documented; Trent names the key policy.
   *
   * @throws IllegalStateException if the request was allowed
   */
  public String accessDeniedMessage() {
    String head = "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource;
    switch (reason) {
      case EXPLICIT_DENY_IN_KEY_POLICY:
        return head + " with an explicit deny in a resource-based policy";
      case EXPLICIT_DENY_IN_IDENTITY_POLICY:
        return head + " with an explicit deny in an identity-based policy";
      case NO_KEY_POLICY_ALLOWS:
        return head + " because no resource-based policy allows the " + action + " action";
      case NO_IDENTITY_POLICY_ALLOWS:
        return head + " because no identity-based policy allows the " + action + " action";
      default:
        throw new IllegalStateException("allowed: " + reason);
    }
  }
}
