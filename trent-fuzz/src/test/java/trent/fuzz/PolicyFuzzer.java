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
