package trent.protocol.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** Shared handling of length and range bounds; absent bounds are 0 / {@link Long#MAX_VALUE}. */
final class Lengths {

  static final long NO_MIN = Long.MIN_VALUE;
  static final long NO_MAX = Long.MAX_VALUE;

  private Lengths() {}

  /**
   * The rules for a bound pair in AWS's listing order: the upper bound first, then the lower
   * (ACM "[Member must have length less than or equal to 253, Member must have length greater than
   * or equal to 1, ...]"; LocalStack's Lambda text lists value bounds the same way).
   */
  static List<String> rules(long min, long max, LongFunction<String> maxRule, LongFunction<String> minRule) {
    List<String> rules = new ArrayList<>(2);
    if (max != NO_MAX) {
      rules.add(maxRule.apply(max));
    }
    if (min != NO_MIN) {
      rules.add(minRule.apply(min));
    }
    return rules;
  }
}
