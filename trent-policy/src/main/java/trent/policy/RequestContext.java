package trent.policy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy is evaluated against: who calls (principal ARN and account), what they do (the
 * action, e.g. {@code kms:Decrypt}), on what (the resource ARN, e.g. the key ARN), and the condition
 * keys of the request with their values.
 *
 * <p>Condition keys are case-insensitive ({@code kms:encryptioncontext:Tenant} and
 * {@code kms:EncryptionContext:tenant} are one key); values are kept exactly. A key may have several
 * values ({@code kms:EncryptionContextKeys}, {@code kms:GrantOperations}, {@code aws:TagKeys}); a key
 * given with an empty list of values is treated as absent.
 *
 * <p>{@code aws:PrincipalArn}, {@code aws:PrincipalAccount} and {@code kms:CallerAccount} are set
 * from the principal unless given explicitly; {@code aws:CurrentTime} and {@code aws:EpochTime} are set
 * by {@link Builder#currentTime(Instant)}. Nothing reads a clock here. Immutable and thread-safe.
 */
public final class RequestContext {

  private final String principalArn;
  private final String principalAccount;
  private final String action;
  /** The action in lower case, for case-insensitive matching of Action patterns. */
  private final String actionLowerCase;
  private final String resource;
  /** The condition keys given to the builder (folded), each with at least one value. */
  private final Map<String, List<String>> keys;

  private static final String PRINCIPAL_ARN = fold("aws:PrincipalArn");
  private static final String PRINCIPAL_ACCOUNT = fold("aws:PrincipalAccount");
  private static final String CALLER_ACCOUNT = fold("kms:CallerAccount");

  private RequestContext(Builder b) {
    this.principalArn = Objects.requireNonNull(b.principalArn, "principalArn");
    this.principalAccount = Objects.requireNonNull(b.principalAccount, "principalAccount");
    this.action = Objects.requireNonNull(b.action, "action");
    this.actionLowerCase = action.toLowerCase(java.util.Locale.ROOT);
    this.resource = Objects.requireNonNull(b.resource, "resource");
    if (b.keys.isEmpty()) {
      this.keys = Map.of();
    } else {
      Map<String, List<String>> given = new LinkedHashMap<>();
      b.keys.forEach((k, v) -> given.put(k, List.copyOf(v)));
      this.keys = Map.copyOf(given);
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this context's values, to derive a changed context. The derived principal keys
   * are derived again from the (possibly changed) principal unless they were given explicitly.
   */
  public Builder toBuilder() {
    Builder b = new Builder().principal(principalArn, principalAccount).action(action).resource(resource);
    keys.forEach((k, v) -> b.keys.put(k, new ArrayList<>(v)));
    return b;
  }

  /** The calling principal's ARN, e.g. {@code arn:aws:iam::111122223333:role/ControlPlane}. */
  public String principalArn() {
    return principalArn;
  }

  /** The calling principal's account id. */
  public String principalAccount() {
    return principalAccount;
  }

  /** The action, e.g. {@code kms:Decrypt}. */
  public String action() {
    return action;
  }

  /** The action in lower case, for case-insensitive matching. */
  String actionLowerCase() {
    return actionLowerCase;
  }

  /** The resource ARN, e.g. the key ARN. */
  public String resource() {
    return resource;
  }

  /** The values of a condition key (case-insensitive); empty if the key is absent. */
  public List<String> values(String conditionKey) {
    return foldedValues(fold(conditionKey));
  }

  /** {@link #values} of a key already folded with {@link #fold}. */
  List<String> foldedValues(String folded) {
    List<String> given = keys.get(folded);
    if (given != null) {
      return given;
    }
    // The principal's keys, unless given explicitly.
    if (folded.equals(PRINCIPAL_ARN)) {
      return List.of(principalArn);
    }
    if (folded.equals(PRINCIPAL_ACCOUNT) || folded.equals(CALLER_ACCOUNT)) {
      return List.of(principalAccount);
    }
    return List.of();
  }

  /** True if the key is present with at least one value. */
  public boolean has(String conditionKey) {
    return !values(conditionKey).isEmpty();
  }

  /** The value of a single-valued key, for policy variables; empty if absent or multi-valued. */
  Optional<String> singleValue(String conditionKey) {
    List<String> v = values(conditionKey);
    return v.size() == 1 ? Optional.of(v.get(0)) : Optional.empty();
  }

  static String fold(String key) {
    return key.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    // Condition values may carry encryption-context values; they are not secret, but keep logs short.
    return "RequestContext[" + principalArn + " " + action + " " + resource + " keys=" + keys.keySet() + "]";
  }

  /** Builds a {@link RequestContext}. Not thread-safe. */
  public static final class Builder {
    private String principalArn;
    private String principalAccount;
    private String action;
    private String resource;
    private final Map<String, List<String>> keys = new LinkedHashMap<>();

    private Builder() {}

    /** The calling principal and its account. */
    public Builder principal(String arn, String account) {
      this.principalArn = Objects.requireNonNull(arn, "arn");
      this.principalAccount = Objects.requireNonNull(account, "account");
      return this;
    }

    /** The action, e.g. {@code kms:Decrypt}. */
    public Builder action(String action) {
      this.action = Objects.requireNonNull(action, "action");
      return this;
    }

    /** The resource ARN. */
    public Builder resource(String resource) {
      this.resource = Objects.requireNonNull(resource, "resource");
      return this;
    }

    /** Adds a value to a condition key (keys differing only in case are one key). */
    public Builder condition(String key, String value) {
      Objects.requireNonNull(value, "value");
      keys.computeIfAbsent(fold(key), k -> new ArrayList<>()).add(value);
      return this;
    }

    /** Adds several values to a (multi-valued) condition key; an empty collection leaves it absent. */
    public Builder condition(String key, Collection<String> values) {
      for (String v : values) {
        condition(key, v);
      }
      return this;
    }

    /**
     * Adds an encryption context: {@code kms:EncryptionContext:<k>} = v for each pair and
     * {@code kms:EncryptionContextKeys} = every key.
     */
    public Builder encryptionContext(Map<String, String> context) {
      context.forEach((k, v) -> {
        condition("kms:EncryptionContext:" + k, v);
        condition("kms:EncryptionContextKeys", k);
      });
      return this;
    }

    /** Sets {@code aws:CurrentTime} (ISO 8601, UTC) and {@code aws:EpochTime} from the caller's clock. */
    public Builder currentTime(Instant now) {
      keys.put(fold("aws:CurrentTime"), new ArrayList<>(List.of(DateTimeFormatter.ISO_INSTANT.format(now))));
      keys.put(fold("aws:EpochTime"), new ArrayList<>(List.of(Long.toString(now.getEpochSecond()))));
      return this;
    }

    /** The context; fails if principal, action or resource is missing. */
    public RequestContext build() {
      return new RequestContext(this);
    }
  }
}
