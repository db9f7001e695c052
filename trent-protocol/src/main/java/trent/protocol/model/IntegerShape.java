package trent.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An integer. Any JSON number is accepted; a fraction is truncated toward zero, as measured on
 * AWS's JSON framework (Athena, 2026-09-23: a decimal where an Integer is modeled is accepted).
 */
final class IntegerShape extends Shape {

  private final long min;
  private final long max;
  private final List<String> rules;

  IntegerShape(String name, long min, long max) {
    super(name, false);
    this.min = min;
    this.max = max;
    this.rules = Lengths.rules(min, max, AwsText::max, AwsText::min);
  }

  /** The same shape with a tighter range (a documented rule for one operation's member). */
  IntegerShape narrowed(long documentedMin, long documentedMax) {
    return new IntegerShape(name, Math.max(min, documentedMin), Math.min(max, documentedMax));
  }

  @Override
  void checkType(JsonNode node, boolean hidden) {
    if (!node.isNumber()) {
      throw wrongKind(node, "an Integer");
    }
  }

  @Override
  void checkConstraints(JsonNode node, String path, boolean hidden, Violations out) {
    if (min == Lengths.NO_MIN && max == Lengths.NO_MAX) {
      return;
    }
    if (node.canConvertToLong()) {
      long v = node.longValue();
      if (v > max) {
        out.add(path, hidden, Long.toString(v), AwsText.max(max));
      } else if (v < min) {
        out.add(path, hidden, Long.toString(v), AwsText.min(min));
      }
    } else {
      // Beyond the long range: only the sign matters for the bounds.
      out.add(path, hidden, render(node), signum(node) > 0 ? AwsText.max(max) : AwsText.min(min));
    }
  }

  @Override
  boolean satisfies(JsonNode node) {
    if (!node.canConvertToLong()) {
      return false;
    }
    long v = node.longValue();
    return v <= max && v >= min;
  }

  /** {@code 1}, never {@code 1.0}: the value as the framework holds it after truncation. */
  @Override
  String render(JsonNode node) {
    if (node.canConvertToLong()) {
      return Long.toString(node.longValue());
    }
    return isInfinite(node) ? node.asText() : node.bigIntegerValue().toString();
  }

  /**
   * A number literal beyond the double range ({@code 1e400}) parses as an infinite double, which
   * has no integer value (found by fuzzing: {@code bigIntegerValue()} threw NumberFormatException).
   */
  private static int signum(JsonNode node) {
    return isInfinite(node) ? (int) Math.signum(node.doubleValue()) : node.bigIntegerValue().signum();
  }

  private static boolean isInfinite(JsonNode node) {
    return node.isFloatingPointNumber() && Double.isInfinite(node.doubleValue());
  }

  @Override
  List<String> rules() {
    return rules;
  }

}
