package trent.policy;

import java.util.Objects;

/**
 * One principal named in a {@code Principal} / {@code NotPrincipal} element.
 *
 * <p>An account id ({@code "111122223333"}) is stored as that account's root,
 * {@code arn:aws:iam::111122223333:root}: in a resource policy both forms name the account.
 * {@code "Principal": "*"} is stored as an {@link Kind#AWS} principal with value {@code "*"}, the same
 * as {@code {"AWS": "*"}}.
 *
 * @param kind the key in the Principal object
 * @param value the normalised value
 */
public record PolicyPrincipal(Kind kind, String value) {

  /** The key under which a principal is listed. */
  public enum Kind {
    AWS("AWS"),
    SERVICE("Service"),
    FEDERATED("Federated"),
    CANONICAL_USER("CanonicalUser");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The key as written in a policy. */
    public String jsonName() {
      return jsonName;
    }
  }

  public PolicyPrincipal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  /** True for {@code "*"} / {@code {"AWS": "*"}}: everyone. */
  public boolean isWildcard() {
    return kind == Kind.AWS && value.equals("*");
  }
}
