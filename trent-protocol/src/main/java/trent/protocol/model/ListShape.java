package trent.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import trent.domain.error.SerializationException;

/**
 * A list. JSON null elements are skipped, as measured on AWS's JSON framework (Athena,
 * 2026-09-23: "null elements of arrays are accepted"); they count for nothing.
 */
final class ListShape extends Shape {

  private final Shape member;
  private final long minLength;
  private final long maxLength;
  private final List<String> rules;

  ListShape(String name, Shape member, long minLength, long maxLength) {
    super(name, false);
    this.member = member;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.rules = Lengths.rules(minLength, maxLength, AwsText::maxLength, AwsText::minLength);
  }

  @Override
  void checkType(JsonNode node, boolean hidden) {
    if (!node.isArray()) {
      throw node.isObject()
          ? new SerializationException(AwsText.MAP_NOT_EXPECTED)
          : new SerializationException(AwsText.EXPECTED_LIST);
    }
    for (JsonNode element : node) {
      if (!element.isNull()) {
        member.checkType(element, hidden);
      }
    }
  }

  @Override
  void checkConstraints(JsonNode node, String path, boolean hidden, Violations out) {
    int count = 0;
    for (JsonNode element : node) {
      if (!element.isNull()) {
        count++;
      }
    }
    if (count > maxLength) {
      out.add(path, hidden, render(node), AwsText.maxLength(maxLength));
    } else if (count < minLength) {
      out.add(path, hidden, render(node), AwsText.minLength(minLength));
    }
    if (member instanceof StructureShape) {
      // Members of structures are reported one by one: 'tags.1.member.tagKey' (1-based).
      int index = 0;
      for (JsonNode element : node) {
        index++;
        if (!element.isNull()) {
          member.checkConstraints(element, path + "." + index + ".member", hidden, out);
        }
      }
    } else if (!member.rules().isEmpty()) {
      for (JsonNode element : node) {
        if (!element.isNull() && !member.satisfies(element)) {
          out.add(path, hidden || member.sensitive, render(node), AwsText.listMembers(member.rules()));
          return;
        }
      }
    }
  }

  @Override
  boolean satisfies(JsonNode node) {
    Violations v = new Violations();
    checkConstraints(node, "", false, v);
    return v.isEmpty();
  }

  @Override
  List<String> rules() {
    return rules;
  }

  /** Java's {@code List.toString}: {@code [a, b]}. */
  @Override
  String render(JsonNode node) {
    List<String> parts = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isNull()) {
        parts.add(member.sensitive ? "***" : member.render(element));
      }
    }
    return parts.toString();
  }
}
