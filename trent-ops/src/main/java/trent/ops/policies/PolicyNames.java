package trent.ops.policies;

import trent.domain.error.NotFoundException;

/** The only key policy name, {@code default} (the model's PolicyName documentation). */
final class PolicyNames {

  static final String DEFAULT = "default";

  private PolicyNames() {}

  /** An absent name means {@code default}; any other name names no policy. */
  static void requireDefault(String policyName) {
    if (policyName != null && !policyName.equals(DEFAULT)) {
      throw NotFoundException.noSuchPolicy();
    }
  }
}
