package trent.policy;

import java.util.List;

/**
 * Evaluates one policy against one request: does a statement apply, and with which effect.
 *
 * <p>A statement applies when its principal element matches the caller (key policies only), its
 * action element matches the action (case-insensitive, wildcards), its resource element matches the
 * resource (case-sensitive, wildcards, policy variables), and every condition holds (see
 * {@link Condition}). A statement missing its action or resource element never applies.
 *
 * <p>Pure functions: no I/O, no clock (the request carries {@code aws:CurrentTime}), no state.
 * Never throws for a parsed document and a built request.
 */
public final class PolicyEvaluator {

  private PolicyEvaluator() {}

  /**
   * Evaluates an identity policy: principal elements are ignored (identity policies have none; the
   * policy applies to whoever it is attached to).
   */
  public static PolicyOutcome evaluateIdentityPolicy(PolicyDocument policy, RequestContext request) {
    boolean allow = false;
    for (Statement s : policy.statements()) {
      if (applies(s, request)) {
        if (s.effect() == Effect.DENY) {
          return PolicyOutcome.EXPLICIT_DENY;
        }
        allow = true;
      }
    }
    return allow ? PolicyOutcome.ALLOW : PolicyOutcome.NOT_APPLICABLE;
  }

  /** Evaluates all of a principal's identity policies together: any deny wins, then any allow. */
  public static PolicyOutcome evaluateIdentityPolicies(List<PolicyDocument> policies, RequestContext request) {
    PolicyOutcome result = PolicyOutcome.NOT_APPLICABLE;
    for (PolicyDocument p : policies) {
      PolicyOutcome o = evaluateIdentityPolicy(p, request);
      if (o == PolicyOutcome.EXPLICIT_DENY) {
        return o;
      }
      if (o == PolicyOutcome.ALLOW) {
        result = o;
      }
    }
    return result;
  }

  /**
   * Evaluates a key policy. A statement without a principal element never applies here (a valid key
   * policy has none such).
   */
  public static KeyPolicyEvaluation evaluateKeyPolicy(PolicyDocument policy, RequestContext request) {
    boolean deny = false;
    boolean principal = false;
    boolean account = false;
    for (Statement s : policy.statements()) {
      if (s.principal().isEmpty()) {
        continue;
      }
      Principals.Match m = Principals.match(s.principal().get(), request.principalArn(), request.principalAccount());
      if (m == Principals.Match.NONE || !applies(s, request)) {
        continue;
      }
      if (s.effect() == Effect.DENY) {
        deny = true;
      } else if (m == Principals.Match.DIRECT) {
        principal = true;
      } else {
        account = true;
      }
    }
    return new KeyPolicyEvaluation(deny, principal, account);
  }

  private static boolean applies(Statement s, RequestContext request) {
    return s.matchesAction(request.actionLowerCase()) && s.matchesResource(request) && s.conditionsHold(request);
  }
}
