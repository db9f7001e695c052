package trent.policy;

/** What one policy says about one request. */
public enum PolicyOutcome {
  /** No statement applies: the policy neither allows nor denies (an implicit deny, if nothing else allows). */
  NOT_APPLICABLE,
  /** At least one Allow statement applies and no Deny statement does. */
  ALLOW,
  /** At least one Deny statement applies. Nothing can override it. */
  EXPLICIT_DENY
}
