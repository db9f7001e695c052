package trent.policy;

/** The set-operator prefix of a condition operator, for condition keys with several values. */
public enum SetQualifier {
  /** No prefix. */
  NONE(""),
  /** {@code ForAnyValue:}: at least one request value must satisfy the operator. */
  FOR_ANY_VALUE("ForAnyValue:"),
  /** {@code ForAllValues:}: every request value must satisfy the operator; true when the key is absent. */
  FOR_ALL_VALUES("ForAllValues:");

  private final String prefix;

  SetQualifier(String prefix) {
    this.prefix = prefix;
  }

  /** The prefix as written in a policy, empty for {@link #NONE}. */
  public String prefix() {
    return prefix;
  }
}
