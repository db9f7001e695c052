package trent.policy;

import java.util.List;

/**
 * AWS's authorization logic for KMS, over a key policy, the caller's identity policies and the grant
 * layer's answer.
 *
 * <h2>Rules (KMS developer guide, "Policy evaluation" and "Allowing users in other accounts")</h2>
 *
 * <ol>
 *   <li>An explicit Deny in the key policy or in an identity policy denies; nothing overrides it, not
 *       even a grant. (When both deny, the key policy is named.)
 *   <li>Same account (caller's account = key's account):
 *       <ul>
 *         <li>the key policy allows the caller by name (or {@code "*"}) → allowed, whatever the identity
 *             policies say;
 *         <li>a grant allows it → allowed;
 *         <li>the key policy allows the account ({@code arn:aws:iam::<acct>:root} or the id, as the default
 *             key policy does) and an identity policy allows it → allowed;
 *         <li>otherwise denied: "no identity-based policy" if the key policy delegates to the account,
 *             "no resource-based policy" if it does not.
 *       </ul>
 *   <li>Other account: the key policy must allow the caller or the caller's account <em>and</em> the
 *       caller's own identity policies must allow it; or a grant allows it. Denied: "no resource-based
 *       policy" if the key policy allows neither, else "no identity-based policy".
 *   <li>The key policy is evaluated against {@link AuthorizationRequest#request()}, the identity
 *       policies against {@link AuthorizationRequest#identityRequest()}, which adds the condition keys
 *       AWS supports only in IAM policies ({@code aws:ResourceTag/<key>}, {@code kms:ResourceAliases}):
 *       in a key policy they are absent.
 *   <li>An account root user has no identity policies and may do everything its account may: for it
 *       the identity side always allows (unless an identity policy given for it denies). It still needs
 *       the key policy: a key policy that does not name the root or the account denies the root too.
 * </ol>
 *
 * <p>Pure functions; no I/O, no state. Evaluation of an invalid policy cannot happen (documents are
 * validated when parsed), so the only failure mode is a denial.
 */
public final class KmsAuthorizer {

  private KmsAuthorizer() {}

  /** The KMS decision for a request on a key. */
  public static AuthorizationDecision authorize(AuthorizationRequest r) {
    RequestContext req = r.request();
    KeyPolicyEvaluation key = PolicyEvaluator.evaluateKeyPolicy(r.keyPolicy(), req);
    PolicyOutcome identity = identityOutcome(r.identityPolicies(), r.identityRequest());

    if (key.explicitDeny()) {
      return decision(AuthorizationDecision.Reason.EXPLICIT_DENY_IN_KEY_POLICY, req);
    }
    if (identity == PolicyOutcome.EXPLICIT_DENY) {
      return decision(AuthorizationDecision.Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY, req);
    }
    boolean sameAccount = req.principalAccount().equals(r.keyAccount());
    if (sameAccount && key.allowsPrincipal()) {
      return decision(AuthorizationDecision.Reason.ALLOWED_BY_KEY_POLICY, req);
    }
    if (r.grantsAllow()) {
      return decision(AuthorizationDecision.Reason.ALLOWED_BY_GRANT, req);
    }
    boolean keyAllowsCaller = sameAccount ? key.allowsAccount() : key.allowsPrincipal() || key.allowsAccount();
    if (!keyAllowsCaller) {
      return decision(AuthorizationDecision.Reason.NO_KEY_POLICY_ALLOWS, req);
    }
    if (identity == PolicyOutcome.ALLOW) {
      return decision(AuthorizationDecision.Reason.ALLOWED_BY_KEY_POLICY_AND_IDENTITY_POLICY, req);
    }
    return decision(AuthorizationDecision.Reason.NO_IDENTITY_POLICY_ALLOWS, req);
  }

  /**
   * The decision for an action that involves no key policy (IAM-only permissions such as
   * {@code kms:CreateKey}, {@code kms:ListKeys}, {@code kms:ListAliases}, {@code kms:GenerateRandom}).
   */
  public static AuthorizationDecision authorizeIdentityOnly(RequestContext req, List<PolicyDocument> identityPolicies) {
    PolicyOutcome identity = identityOutcome(identityPolicies, req);
    switch (identity) {
      case EXPLICIT_DENY:
        return decision(AuthorizationDecision.Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY, req);
      case ALLOW:
        return decision(AuthorizationDecision.Reason.ALLOWED_BY_IDENTITY_POLICY, req);
      default:
        return decision(AuthorizationDecision.Reason.NO_IDENTITY_POLICY_ALLOWS, req);
    }
  }

  /** The identity side; the account root implicitly allows. */
  private static PolicyOutcome identityOutcome(List<PolicyDocument> policies, RequestContext req) {
    PolicyOutcome o = PolicyEvaluator.evaluateIdentityPolicies(policies, req);
    if (o != PolicyOutcome.EXPLICIT_DENY && isAccountRoot(req)) {
      return PolicyOutcome.ALLOW;
    }
    return o;
  }

  static boolean isAccountRoot(RequestContext req) {
    return req.principalArn().equals(Principals.rootArn(req.principalAccount()));
  }

  private static AuthorizationDecision decision(AuthorizationDecision.Reason reason, RequestContext req) {
    return new AuthorizationDecision(reason, req.principalArn(), req.action(), req.resource());
  }
}
