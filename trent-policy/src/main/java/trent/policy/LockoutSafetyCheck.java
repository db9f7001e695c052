package trent.policy;

import java.util.List;

/**
 * KMS's policy lockout safety check: CreateKey and PutKeyPolicy refuse a key policy under which the
 * calling principal could not call PutKeyPolicy on the key afterwards, with
 * {@value PolicyDocumentException#LOCKOUT} (a {@code MalformedPolicyDocumentException}), unless the
 * request sets {@code BypassPolicyLockoutSafetyCheck}.
 *
 * <h2>What is checked</h2>
 *
 * A simulated {@code kms:PutKeyPolicy} request by the caller, on a key of the caller's own account
 * (PutKeyPolicy is never cross-account), evaluated by {@link KmsAuthorizer#authorize} against the new
 * policy, without grants (PutKeyPolicy is not a grant operation). It passes if that request would be
 * allowed: the new policy allows the caller by name or {@code "*"}, or allows the caller's account root
 * and the caller's identity policies allow {@code kms:PutKeyPolicy}; and nothing denies it.
 *
 * <p>AWS includes the caller's identity policies: a policy that names only the account root is refused
 * when the caller's IAM policy does not allow {@code kms:PutKeyPolicy} (maintainer's diagnosis in
 * {@code aws-samples/rds-snapshot-export-to-s3-pipeline} issue 8; CloudFormation roles in
 * {@code aws-solutions/innovation-sandbox-on-aws} issue 31). Use
 * {@link #allowsPutKeyPolicy(PolicyDocument, RequestContext, List)} for that full check; the three-argument
 * form checks the key-policy side only.
 *
 * <p>Pure functions; no I/O, no state.
 */
public final class LockoutSafetyCheck {

  private static final String PUT_KEY_POLICY = "kms:PutKeyPolicy";

  private LockoutSafetyCheck() {}

  /**
   * The key-policy side of the check: true if the policy, with no explicit deny for the caller, allows
   * {@code kms:PutKeyPolicy} to the caller by name (or {@code "*"}), or to the caller's account root
   * (assuming the caller's identity policies allow it). The request context holds only the principal
   * keys ({@code aws:PrincipalArn}, {@code aws:PrincipalAccount}, {@code kms:CallerAccount}), so
   * conditions on other keys fail, and the resource is {@code "*"}, so a statement whose Resource names
   * a specific key ARN does not count.
   */
  public static boolean allowsPutKeyPolicy(PolicyDocument doc, String callerPrincipalArn, String callerAccount) {
    RequestContext req = RequestContext.builder()
        .principal(callerPrincipalArn, callerAccount).action(PUT_KEY_POLICY).resource("*").build();
    KeyPolicyEvaluation e = PolicyEvaluator.evaluateKeyPolicy(doc, req);
    return !e.explicitDeny() && (e.allowsPrincipal() || e.allowsAccount());
  }

  /**
   * The full check, as AWS does it: would {@code kms:PutKeyPolicy} by this caller on this key be
   * allowed under the new policy and the caller's identity policies?
   *
   * @param request the caller, the key ARN as resource, and the condition keys of the current request
   *     (e.g. {@code aws:SourceIp}); its action is replaced by {@code kms:PutKeyPolicy}
   * @param callerIdentityPolicies the caller's identity policies (none for an account root)
   */
  public static boolean allowsPutKeyPolicy(PolicyDocument doc, RequestContext request,
      List<PolicyDocument> callerIdentityPolicies) {
    RequestContext put = request.toBuilder().action(PUT_KEY_POLICY).build();
    AuthorizationRequest r = new AuthorizationRequest(put, put.principalAccount(), doc, callerIdentityPolicies, false);
    return KmsAuthorizer.authorize(r).allowed();
  }

  /**
   * Throws the lockout error if {@code bypass} is false and the full check fails.
   *
   * @throws PolicyDocumentException {@value PolicyDocumentException#LOCKOUT}
   */
  public static void check(PolicyDocument doc, RequestContext request, List<PolicyDocument> callerIdentityPolicies,
      boolean bypass) {
    if (!bypass && !allowsPutKeyPolicy(doc, request, callerIdentityPolicies)) {
      throw PolicyDocumentException.lockout();
    }
  }
}
