package trent.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A string or enum. Length counts Unicode code points (Smithy's definition of string length).
 * Patterns are compiled once and applied with {@code find}, as Smithy patterns are not implicitly
 * anchored (every KMS pattern carries its own anchors).
 */
final class StringShape extends Shape {

  private final long minLength;
  private final long maxLength;
  private final String patternSource;
  private final Pattern pattern;
  private final Set<String> enumValues;
  private final List<String> rules;

  /**
   * @param enumMessageOrder the enum values in the order AWS prints them (model order unless AWS's
   *     order was observed); null when the shape is not an enum
   */
  StringShape(String name, boolean sensitive, long minLength, long maxLength, String patternSource,
      List<String> enumMessageOrder) {
    super(name, sensitive);
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.patternSource = patternSource;
    this.pattern = patternSource == null ? null : Pattern.compile(patternSource);
    this.enumValues = enumMessageOrder == null ? null : Set.copyOf(enumMessageOrder);
    List<String> r = new ArrayList<>(
        Lengths.rules(minLength, maxLength, AwsText::maxLength, AwsText::minLength));
    if (patternSource != null) {
      r.add(AwsText.pattern(patternSource));
    }
    if (enumMessageOrder != null) {
      r.add(AwsText.enumSet(enumMessageOrder));
    }
    this.rules = List.copyOf(r);
  }

  @Override
  void checkType(JsonNode node, boolean hidden) {
    if (!node.isTextual()) {
      throw wrongKind(node, "a String");
    }
  }

  @Override
  void checkConstraints(JsonNode node, String path, boolean hidden, Violations out) {
    String s = node.textValue();
    boolean lengthChecked = minLength != Lengths.NO_MIN || maxLength != Lengths.NO_MAX;
    if (lengthChecked) {
      long length = s.codePointCount(0, s.length());
      if (length > maxLength) {
        out.add(path, hidden, s, AwsText.maxLength(maxLength));
      } else if (length < minLength) {
        out.add(path, hidden, s, AwsText.minLength(minLength));
      }
    }
    if (pattern != null && !pattern.matcher(s).find()) {
      out.add(path, hidden, s, AwsText.pattern(patternSource));
    }
    if (enumValues != null && !enumValues.contains(s)) {
      out.add(path, hidden, s, rules.get(rules.size() - 1));
    }
  }

  @Override
  boolean satisfies(JsonNode node) {
    String s = node.textValue();
    long length = s.codePointCount(0, s.length());
    return length <= maxLength && length >= minLength
        && (pattern == null || pattern.matcher(s).find())
        && (enumValues == null || enumValues.contains(s));
  }

  @Override
  List<String> rules() {
    return rules;
  }
}
