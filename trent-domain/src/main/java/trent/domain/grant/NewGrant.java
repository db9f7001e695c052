package trent.domain.grant;

import java.util.List;
import java.util.Objects;

/**
 * What CreateGrant asks for, after the operation checked its rules.
 *
 * @param name the grant's name (makes retries idempotent), or null
 * @param retiringPrincipal or null
 * @param operations in request order, without duplicates
 * @param issuingAccount the root ARN of the caller's account
 */
public record NewGrant(String name, String granteePrincipal, String retiringPrincipal, List<GrantOperation> operations,
    GrantConstraints constraints, String issuingAccount) {

  public NewGrant {
    Objects.requireNonNull(granteePrincipal, "granteePrincipal");
    operations = List.copyOf(operations);
    Objects.requireNonNull(constraints, "constraints");
    Objects.requireNonNull(issuingAccount, "issuingAccount");
  }

  /** Whether an existing grant of the same name was made with these parameters. */
  boolean sameAs(Grant g) {
    return g.name().map(n -> n.equals(name)).orElse(false)
        && g.granteePrincipal().equals(granteePrincipal)
        && Objects.equals(g.retiringPrincipal().orElse(null), retiringPrincipal)
        && g.operations().equals(java.util.EnumSet.copyOf(operations))
        && g.constraints().equals(constraints);
  }
}
