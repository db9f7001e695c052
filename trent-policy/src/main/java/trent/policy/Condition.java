package trent.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One test of a statement's {@code Condition} block: an operator applied to one condition key and
 * the policy's values for it, e.g. {@code "StringEquals": {"kms:EncryptionContext:tenant": "acme"}}.
 *
 * <h2>Semantics (AWS's, as documented in the IAM condition-operator reference)</h2>
 *
 * <ul>
 *   <li>Several policy values for one key: the operator holds if the request value matches
 *       <em>any</em> of them; a negated operator holds if it matches <em>none</em>.
 *   <li>Key absent from the request: a positive operator is false, a negated operator is true;
 *       {@code ...IfExists} makes any operator true; {@code ForAllValues:} is true; {@code ForAnyValue:}
 *       is false; {@code Null} tests exactly this ({@code "true"}: absent, {@code "false"}: present).
 *   <li>{@code ForAnyValue:}: at least one request value satisfies the operator.
 *       {@code ForAllValues:}: every request value does.
 *   <li>No set prefix but several request values: the positive operator holds if any request value
 *       matches any policy value; the negated operator if none does. (AWS recommends a set prefix for
 *       multi-valued keys; this is the conservative reading when there is none.)
 *   <li>Numeric and date values that do not parse in the request never match (a negated operator
 *       therefore holds). Dates are ISO 8601 (date, or date-time with offset) or epoch seconds.
 *   <li>String operators are case-sensitive except the {@code IgnoreCase} ones; {@code StringLike},
 *       {@code ArnLike} and {@code ArnEquals} take {@code *} and {@code ?}; ARN operators compare the six
 *       colon-separated parts separately. {@code Bool} ignores case. {@code BinaryEquals} compares the
 *       base64-decoded bytes.
 *   <li>Policy variables ({@code ${aws:username}}, {@code ${kms:CallerAccount}}, ...) are resolved in
 *       string and ARN values when the policy's Version is 2012-10-17; an unresolvable variable makes
 *       that value match nothing. The {@code ${key, 'default'}} form is not supported (never matches).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Condition {

  private final SetQualifier qualifier;
  private final ConditionOperator operator;
  private final boolean ifExists;
  private final String key;
  private final String foldedKey;
  private final List<String> values;
  private final List<Object> compiled;

  private Condition(SetQualifier qualifier, ConditionOperator operator, boolean ifExists, String key,
      List<String> values, List<Object> compiled) {
    this.qualifier = qualifier;
    this.operator = operator;
    this.ifExists = ifExists;
    this.key = key;
    this.foldedKey = RequestContext.fold(key);
    this.values = List.copyOf(values);
    this.compiled = List.copyOf(compiled);
  }

  /**
   * Builds a condition, checking each value against the operator.
   *
   * @param variables whether policy variables are live (the document's Version is 2012-10-17)
   * @return empty if a value is not valid for the operator (a number, a date, an IP block, true/false)
   */
  static Optional<Condition> of(SetQualifier qualifier, ConditionOperator operator, boolean ifExists,
      String key, List<String> values, boolean variables) {
    List<Object> compiled = new ArrayList<>(values.size());
    for (String v : values) {
      Object c = compile(operator, v, variables);
      if (c == null) {
        return Optional.empty();
      }
      compiled.add(c);
    }
    return Optional.of(new Condition(qualifier, operator, ifExists, key, values, compiled));
  }

  /** The set prefix, {@link SetQualifier#NONE} if there is none. */
  public SetQualifier qualifier() {
    return qualifier;
  }

  /** The operator, without prefix and {@code IfExists}. */
  public ConditionOperator operator() {
    return operator;
  }

  /** True for the {@code ...IfExists} form. */
  public boolean ifExists() {
    return ifExists;
  }

  /** The condition key as written (matched case-insensitively). */
  public String key() {
    return key;
  }

  /** The policy's values as written (JSON numbers and booleans as their text). */
  public List<String> values() {
    return values;
  }

  /** Evaluates this condition against a request. */
  boolean test(RequestContext request) {
    List<String> requestValues = request.foldedValues(foldedKey);
    if (operator == ConditionOperator.NULL) {
      boolean absent = requestValues.isEmpty();
      for (String v : values) {
        if (Boolean.parseBoolean(v) == absent) {
          return true;
        }
      }
      return false;
    }
    if (requestValues.isEmpty()) {
      if (ifExists) {
        return true;
      }
      switch (qualifier) {
        case FOR_ALL_VALUES:
          return true;
        case FOR_ANY_VALUE:
          return false;
        default:
          return operator.negated();
      }
    }
    switch (qualifier) {
      case FOR_ALL_VALUES:
        for (String rv : requestValues) {
          if (!holdsFor(rv, request)) {
            return false;
          }
        }
        return true;
      case FOR_ANY_VALUE:
        for (String rv : requestValues) {
          if (holdsFor(rv, request)) {
            return true;
          }
        }
        return false;
      default:
        boolean anyMatch = false;
        for (String rv : requestValues) {
          anyMatch |= matchesAnyPolicyValue(rv, request);
        }
        return operator.negated() ? !anyMatch : anyMatch;
    }
  }

  /** The operator (negation included) applied to one request value. */
  private boolean holdsFor(String requestValue, RequestContext request) {
    boolean match = matchesAnyPolicyValue(requestValue, request);
    return operator.negated() ? !match : match;
  }

  private boolean matchesAnyPolicyValue(String requestValue, RequestContext request) {
    for (Object policyValue : compiled) {
      if (matches(requestValue, policyValue, request)) {
        return true;
      }
    }
    return false;
  }

  /** The positive form of the operator: does the request value match this one policy value? */
  private boolean matches(String rv, Object pv, RequestContext request) {
    switch (operator.family()) {
      case STRING:
      case STRING_IGNORE_CASE:
      case STRING_LIKE:
        return ((WildcardPattern) pv).matches(rv, request::singleValue);
      case ARN:
        return arnMatches(rv, (WildcardPattern[]) pv, request);
      case NUMERIC:
        return parseNumber(rv).map(n -> compare(n.compareTo((BigDecimal) pv))).orElse(false);
      case DATE:
        return parseDate(rv).map(d -> compare(d.compareTo((Instant) pv))).orElse(false);
      case BOOL:
        return rv.equalsIgnoreCase((String) pv);
      case BINARY:
        return binaryEquals(rv, (String) pv);
      case IP:
        return ((IpRange) pv).contains(rv);
      default:
        return false;
    }
  }

  private boolean compare(int cmp) {
    switch (operator.comparison()) {
      case LT:
        return cmp < 0;
      case LE:
        return cmp <= 0;
      case GT:
        return cmp > 0;
      case GE:
        return cmp >= 0;
      default:
        return cmp == 0;
    }
  }

  private static boolean arnMatches(String rv, WildcardPattern[] parts, RequestContext request) {
    if (parts.length == 1) {
      return parts[0].matches(rv, request::singleValue);
    }
    String[] actual = rv.split(":", 6);
    if (actual.length != 6) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      if (!parts[i].matches(actual[i], request::singleValue)) {
        return false;
      }
    }
    return true;
  }

  private static boolean binaryEquals(String rv, String pv) {
    try {
      return Arrays.equals(Base64.getDecoder().decode(rv), Base64.getDecoder().decode(pv));
    } catch (IllegalArgumentException e) {
      return rv.equals(pv);
    }
  }

  /** Compiles a policy value for the operator; null if the value is invalid for it. */
  private static Object compile(ConditionOperator op, String v, boolean variables) {
    switch (op.family()) {
      case STRING:
        return WildcardPattern.compile(v, false, variables, false);
      case STRING_IGNORE_CASE:
        return WildcardPattern.compile(v, false, variables, true);
      case STRING_LIKE:
        return WildcardPattern.compile(v, true, variables, false);
      case ARN: {
        String[] parts = v.split(":", 6);
        if (parts.length != 6) {
          return new WildcardPattern[] {WildcardPattern.compile(v, true, variables, false)};
        }
        WildcardPattern[] compiled = new WildcardPattern[6];
        for (int i = 0; i < 6; i++) {
          compiled[i] = WildcardPattern.compile(parts[i], true, variables, false);
        }
        return compiled;
      }
      case NUMERIC:
        return parseNumber(v).orElse(null);
      case DATE:
        return parseDate(v).orElse(null);
      case IP:
        return IpRange.parse(v).orElse(null);
      case BOOL:
      case NULL:
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? v : null;
      default:
        return Objects.requireNonNull(v);
    }
  }

  static Optional<BigDecimal> parseNumber(String s) {
    try {
      return Optional.of(new BigDecimal(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<Instant> parseDate(String s) {
    String t = s.trim();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() <= 12) {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
    }
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // not a date-time with offset; try a date
    }
    try {
      return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return qualifier.prefix() + operator.jsonName() + (ifExists ? "IfExists" : "") + "{" + key + "=" + values + "}";
  }
}
