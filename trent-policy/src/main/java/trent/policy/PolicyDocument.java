package trent.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed, validated IAM policy document: a KMS key policy or an IAM identity policy.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>A {@code PolicyDocument} exists only if its text passed every check of its {@link PolicyType};
 *       a document that fails is refused with a {@link PolicyDocumentException} carrying AWS's error code
 *       and text. Nothing else is thrown for any input string.
 *   <li>Parsing is a pure function of the text: no I/O, no clock, no shared mutable state. The result is
 *       immutable and safe to share between threads and to cache per policy version.
 *   <li>The original text is kept unchanged for {@code GetKeyPolicy}.
 * </ul>
 *
 * <h2>Grammar accepted</h2>
 *
 * {@code Version} ({@code 2012-10-17} or {@code 2008-10-17}; policy variables are live only in
 * 2012-10-17), {@code Id}, {@code Statement} (an object or a non-empty array). Each statement:
 * {@code Sid}, {@code Effect} ({@code Allow} / {@code Deny}), {@code Principal} or {@code NotPrincipal}
 * ({@code "*"}, or an object with {@code AWS}, {@code Service}, {@code Federated},
 * {@code CanonicalUser}, each a string or a list; an account id names the account's root),
 * {@code Action} or {@code NotAction}, {@code Resource} or {@code NotResource} (a string or a list;
 * wildcards {@code *} and {@code ?}; actions are case-insensitive), {@code Condition} (operator → key →
 * value or list of values; see {@link Condition}). Element names are case-sensitive, duplicate JSON
 * keys are refused.
 */
public final class PolicyDocument {

  private final String json;
  private final Optional<String> version;
  private final Optional<String> id;
  private final List<Statement> statements;
  /** Every condition key a condition tests or a policy variable names, folded to lower case. */
  private final Set<String> conditionKeys;
  private final boolean readsConditionKeys;

  PolicyDocument(String json, Optional<String> version, Optional<String> id, List<Statement> statements) {
    this.json = json;
    this.version = version;
    this.id = id;
    this.statements = List.copyOf(statements);
    Set<String> keys = new HashSet<>();
    for (Statement s : this.statements) {
      for (Condition c : s.conditions()) {
        keys.add(RequestContext.fold(c.key()));
      }
    }
    Matcher variable = VARIABLE.matcher(json);
    while (variable.find()) {
      keys.add(RequestContext.fold(variable.group(1).trim()));
    }
    this.conditionKeys = Set.copyOf(keys);
    this.readsConditionKeys = this.statements.stream().anyMatch(Statement::readsConditionKeys);
  }

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  /**
   * Parses a document against the shared grammar only (no key-policy or identity-policy rules).
   *
   * @throws PolicyDocumentException if the text is not a valid policy document
   */
  public static PolicyDocument parse(String json) {
    return parse(json, PolicyType.ANY);
  }

  /**
   * Parses a document with the rules of {@code type}. For {@link PolicyType#KEY_POLICY} every principal
   * is considered to exist.
   *
   * @throws PolicyDocumentException if the text is not a valid document of that type; for a key policy
   *     over 32768 bytes the error code is {@code LimitExceededException}
   */
  public static PolicyDocument parse(String json, PolicyType type) {
    return parse(json, type, arn -> true);
  }

  /**
   * Parses a key policy. KMS refuses a key policy that names a principal that does not exist or is not
   * visible to it; {@code principalExists} answers that for each normalised principal ARN (account roots
   * included, {@code "*"} excluded).
   *
   * @throws PolicyDocumentException as {@link #parse(String, PolicyType)}, and
   *     {@value PolicyDocumentException#INVALID_PRINCIPALS} for a principal {@code principalExists} rejects
   */
  public static PolicyDocument parseKeyPolicy(String json, Predicate<String> principalExists) {
    return parse(json, PolicyType.KEY_POLICY, principalExists);
  }

  private static PolicyDocument parse(String json, PolicyType type, Predicate<String> principalExists) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(principalExists, "principalExists");
    return PolicyParser.parse(json, type, principalExists);
  }

  /**
   * The text of AWS's default key policy for a key in {@code accountId}: the account root may perform
   * every KMS action on the key, which enables IAM identity policies in that account to grant access (KMS
   * developer guide, "Default key policy"). The text is byte for byte what GetKeyPolicy returns for it
   * (KMS API reference, GetKeyPolicy example).
   */
  public static String defaultKeyPolicyJson(String accountId) {
    if (!accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("not an account id");
    }
    return "{\n  \"Version\" : \"2012-10-17\",\n  \"Id\" : \"key-default-1\",\n  \"Statement\" : [ {\n"
        + "    \"Sid\" : \"Enable IAM User Permissions\",\n    \"Effect\" : \"Allow\",\n"
        + "    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::" + accountId + ":root\"\n    },\n"
        + "    \"Action\" : \"kms:*\",\n    \"Resource\" : \"*\"\n  } ]\n}";
  }

  /** AWS's default key policy for a key in {@code accountId}, parsed. */
  public static PolicyDocument defaultKeyPolicy(String accountId) {
    return parse(defaultKeyPolicyJson(accountId), PolicyType.KEY_POLICY);
  }

  /** The text as given. */
  public String json() {
    return json;
  }

  /** {@code Version}, if present. */
  public Optional<String> version() {
    return version;
  }

  /** {@code Id}, if present. */
  public Optional<String> id() {
    return id;
  }

  /** The statements in document order (a single statement object becomes a one-element list). */
  public List<Statement> statements() {
    return statements;
  }

  /**
   * Whether a condition of this document tests, or a policy variable in it names, a condition key
   * starting with {@code prefix} (case-insensitive), e.g. {@code aws:ResourceTag/}. Lets the caller
   * skip gathering values that no statement can read.
   */
  public boolean mentionsConditionKey(String prefix) {
    String folded = RequestContext.fold(prefix);
    for (String key : conditionKeys) {
      if (key.startsWith(folded)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if evaluating this document may read the request's condition keys (a {@code Condition}, or
   * a policy variable in a resource). When no document of a decision does, the decision depends only
   * on the principal, the action and the resource, and the request context needs nothing else.
   */
  public boolean readsConditionKeys() {
    return readsConditionKeys;
  }

  @Override
  public String toString() {
    return "PolicyDocument[id=" + id.orElse("") + ", statements=" + statements.size() + "]";
  }
}
