package trent.policy;

/** Which rules a document is validated against. */
public enum PolicyType {
  /**
   * A KMS key policy (resource-based): at most 32768 bytes, every statement names principals, and
   * the principals are valid; statements without Action or Resource are accepted and have no effect.
   */
  KEY_POLICY,
  /**
   * An IAM identity policy: Version 2012-10-17, no Principal / NotPrincipal, every statement has an
   * action element and a resource element.
   */
  IDENTITY_POLICY,
  /** The shared grammar only. */
  ANY
}
