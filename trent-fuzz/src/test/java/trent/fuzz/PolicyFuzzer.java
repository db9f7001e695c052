package trent.fuzz;

import java.nio.charset.StandardCharsets;
import trent.policy.PolicyDocument;
import trent.policy.PolicyDocumentException;
import trent.policy.PolicyType;

/**
 * The policy document parser, for every policy type: key policies (PutKeyPolicy, CreateKey) and
 * identity policies (configuration).
 *
 * <p>Allowed outcome: {@link PolicyDocumentException}, which carries AWS's error code
 * (MalformedPolicyDocumentException, LimitExceededException). Anything else is a finding.
 */
public final class PolicyFuzzer {

  private PolicyFuzzer() {}

  /**
   * Called by Jazzer once before fuzzing: loads and instruments the code paths, so the first
   * fuzzed input is not charged with start-up against the per-input timeout.
   */
  public static void fuzzerInitialize() {
    fuzzerTestOneInput(("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"1\"}}}]}")
        .getBytes(StandardCharsets.UTF_8));
  }

  public static void fuzzerTestOneInput(byte[] data) {
    String json = new String(data, StandardCharsets.UTF_8);
    for (PolicyType type : PolicyType.values()) {
      try {
        PolicyDocument.parse(json, type);
      } catch (PolicyDocumentException e) {
        // modeled
      }
    }
  }
}
