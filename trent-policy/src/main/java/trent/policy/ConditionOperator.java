package trent.policy;

import java.util.Optional;

/**
 * The condition operators of the IAM policy grammar (without the {@code ForAnyValue:} /
 * {@code ForAllValues:} prefix and the {@code IfExists} suffix, which are separate properties of a
 * {@link Condition}). Operator names are matched case-sensitively, as IAM does.
 */
public enum ConditionOperator {
  STRING_EQUALS("StringEquals", Family.STRING, Comparison.EQ, false),
  STRING_NOT_EQUALS("StringNotEquals", Family.STRING, Comparison.EQ, true),
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING_IGNORE_CASE, Comparison.EQ, false),
  STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING_IGNORE_CASE, Comparison.EQ, true),
  STRING_LIKE("StringLike", Family.STRING_LIKE, Comparison.EQ, false),
  STRING_NOT_LIKE("StringNotLike", Family.STRING_LIKE, Comparison.EQ, true),
  NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, Comparison.EQ, false),
  NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, Comparison.EQ, true),
  NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, Comparison.LT, false),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, Comparison.LE, false),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, Comparison.GT, false),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, Comparison.GE, false),
  DATE_EQUALS("DateEquals", Family.DATE, Comparison.EQ, false),
  DATE_NOT_EQUALS("DateNotEquals", Family.DATE, Comparison.EQ, true),
  DATE_LESS_THAN("DateLessThan", Family.DATE, Comparison.LT, false),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, Comparison.LE, false),
  DATE_GREATER_THAN("DateGreaterThan", Family.DATE, Comparison.GT, false),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, Comparison.GE, false),
  BOOL("Bool", Family.BOOL, Comparison.EQ, false),
  BINARY_EQUALS("BinaryEquals", Family.BINARY, Comparison.EQ, false),
  IP_ADDRESS("IpAddress", Family.IP, Comparison.EQ, false),
  NOT_IP_ADDRESS("NotIpAddress", Family.IP, Comparison.EQ, true),
  ARN_EQUALS("ArnEquals", Family.ARN, Comparison.EQ, false),
  ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, Comparison.EQ, true),
  ARN_LIKE("ArnLike", Family.ARN, Comparison.EQ, false),
  ARN_NOT_LIKE("ArnNotLike", Family.ARN, Comparison.EQ, true),
  NULL("Null", Family.NULL, Comparison.EQ, false);

  /** How values are compared. */
  enum Family { STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

  /** Ordering comparisons for the numeric and date families. */
  enum Comparison { EQ, LT, LE, GT, GE }

  private final String jsonName;
  private final Family family;
  private final Comparison comparison;
  private final boolean negated;

  ConditionOperator(String jsonName, Family family, Comparison comparison, boolean negated) {
    this.jsonName = jsonName;
    this.family = family;
    this.comparison = comparison;
    this.negated = negated;
  }

  /** The operator's name in a policy document. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * True for the negated matching operators ({@code StringNotEquals}, {@code StringNotLike},
   * {@code NumericNotEquals}, {@code DateNotEquals}, {@code NotIpAddress}, {@code ArnNotEquals},
   * {@code ArnNotLike}, {@code StringNotEqualsIgnoreCase}). They hold when the request value matches
   * none of the policy values, and when the key is absent from the request.
   */
  public boolean negated() {
    return negated;
  }

  Family family() {
    return family;
  }

  Comparison comparison() {
    return comparison;
  }

  /** The operator with this exact name, if any. */
  public static Optional<ConditionOperator> fromJsonName(String name) {
    for (ConditionOperator op : values()) {
      if (op.jsonName.equals(name)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
