package trent.ops;

/** The response of an operation that has no output members; rendered as {@code {}}. */
public enum NoOutput {
  INSTANCE
}
