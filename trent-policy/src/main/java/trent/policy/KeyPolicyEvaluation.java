package trent.policy;

/**
 * What a key policy (a resource-based policy) says about one request, keeping apart the two ways it can
 * allow: naming the caller (or {@code "*"}), or naming the caller's account, which delegates the decision
 * to that account's identity policies.
 *
 * @param explicitDeny a Deny statement applies (its principal names the caller, the caller's account, or everyone)
 * @param allowsPrincipal an Allow statement names the caller directly, or {@code "*"}
 * @param allowsAccount an Allow statement names the caller's account ({@code arn:aws:iam::<acct>:root} or the id)
 */
public record KeyPolicyEvaluation(boolean explicitDeny, boolean allowsPrincipal, boolean allowsAccount) {

  /** The three-valued summary. */
  public PolicyOutcome outcome() {
    if (explicitDeny) {
      return PolicyOutcome.EXPLICIT_DENY;
    }
    return allowsPrincipal || allowsAccount ? PolicyOutcome.ALLOW : PolicyOutcome.NOT_APPLICABLE;
  }
}
