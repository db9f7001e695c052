package trent.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A grant on a key, as stored. Storage gives no meaning to the fields: the domain decides what a
 * grant allows.
 *
 * @param grantId the grant id (64 hex digits); unique in the store
 * @param keyId the key the grant is on
 * @param region the Region of that key (grants are on one copy of a multi-Region key)
 * @param name the grant's name, or null
 * @param creationDate when the grant was created
 * @param granteePrincipal the principal the grant gives permissions to
 * @param retiringPrincipal the principal that may retire the grant, or null
 * @param issuingAccount the account that created the grant (its root ARN, as AWS lists it)
 * @param operations the grant operations, in the order given
 * @param constraints the grant constraints as the domain encodes them (opaque text), or null
 * @param tokenSecret the random part of the grant's tokens, which proves a token was issued for this grant
 */
public record GrantRecord(
    String grantId,
    String keyId,
    String region,
    String name,
    Instant creationDate,
    String granteePrincipal,
    String retiringPrincipal,
    String issuingAccount,
    List<String> operations,
    String constraints,
    String tokenSecret) {

  public GrantRecord {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(creationDate, "creationDate");
    Objects.requireNonNull(granteePrincipal, "granteePrincipal");
    Objects.requireNonNull(issuingAccount, "issuingAccount");
    operations = List.copyOf(operations);
    Objects.requireNonNull(tokenSecret, "tokenSecret");
  }
}
