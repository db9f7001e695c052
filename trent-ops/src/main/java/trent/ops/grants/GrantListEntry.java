package trent.ops.grants;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import trent.domain.grant.Grant;
import trent.domain.key.KmsKey;

/** The GrantListEntry structure (OPERATIONS.md "GrantListEntry"); KeyId is the key ARN, as AWS lists it. */
public record GrantListEntry(String keyId, String grantId, String name, Instant creationDate, String granteePrincipal,
    String retiringPrincipal, String issuingAccount, List<String> operations, Constraints constraints) {

  /** The GrantConstraints structure. */
  public record Constraints(Map<String, String> encryptionContextSubset, Map<String, String> encryptionContextEquals,
      String sourceArn) {}

  static GrantListEntry of(Grant g, String keyArn) {
    Constraints constraints = g.constraints().isEmpty() ? null
        : new Constraints(g.constraints().encryptionContextSubset(), g.constraints().encryptionContextEquals(), null);
    return new GrantListEntry(keyArn, g.grantId(), g.name().orElse(null), g.creationDate(), g.granteePrincipal(),
        g.retiringPrincipal().orElse(null), g.issuingAccount(), g.operationNames(), constraints);
  }

  static GrantListEntry of(Grant g, KmsKey key) {
    return of(g, key.arn());
  }
}
