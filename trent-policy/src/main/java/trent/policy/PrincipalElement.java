package trent.policy;

import java.util.List;

/**
 * A statement's {@code Principal} or {@code NotPrincipal} element.
 *
 * @param negated true for {@code NotPrincipal}
 * @param principals the principals named, normalised (see {@link PolicyPrincipal}); never empty
 */
public record PrincipalElement(boolean negated, List<PolicyPrincipal> principals) {
  public PrincipalElement {
    principals = List.copyOf(principals);
  }
}
