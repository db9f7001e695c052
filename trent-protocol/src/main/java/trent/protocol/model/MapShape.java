package trent.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import trent.domain.error.SerializationException;

/** A map (JSON object). Entries whose value is JSON null are skipped, as null list elements are. */
final class MapShape extends Shape {

  private final Shape key;
  private final Shape value;
  private final long minLength;
  private final long maxLength;
  private final List<String> rules;

  MapShape(String name, Shape key, Shape value, long minLength, long maxLength) {
    super(name, false);
    this.key = key;
    this.value = value;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.rules = Lengths.rules(minLength, maxLength, AwsText::maxLength, AwsText::minLength);
  }

  @Override
  void checkType(JsonNode node, boolean hidden) {
    if (!node.isObject()) {
      throw node.isArray()
          ? new SerializationException(AwsText.LIST_NOT_EXPECTED)
          : new SerializationException(AwsText.EXPECTED_MAP);
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isNull()) {
        value.checkType(entry.getValue(), hidden);
      }
    }
  }

  @Override
  void checkConstraints(JsonNode node, String path, boolean hidden, Violations out) {
    int count = 0;
    boolean badKey = false;
    boolean badValue = false;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getValue().isNull()) {
        continue;
      }
      count++;
      badKey |= !key.rules().isEmpty() && !key.satisfies(TextNode.valueOf(entry.getKey()));
      if (value instanceof StructureShape) {
        value.checkConstraints(entry.getValue(), path + "." + entry.getKey(), hidden, out);
      } else {
        badValue |= !value.rules().isEmpty() && !value.satisfies(entry.getValue());
      }
    }
    if (count > maxLength) {
      out.add(path, hidden, render(node), AwsText.maxLength(maxLength));
    } else if (count < minLength) {
      out.add(path, hidden, render(node), AwsText.minLength(minLength));
    }
    if (badKey) {
      out.add(path, hidden || key.sensitive, render(node), AwsText.mapKeys(key.rules()));
    }
    if (badValue) {
      out.add(path, hidden || value.sensitive, render(node), AwsText.mapValues(value.rules()));
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

  /** Java's {@code Map.toString}: {@code {k=v, k2=v2}}. */
  @Override
  String render(JsonNode node) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getValue().isNull()) {
        continue;
      }
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(key.sensitive ? "***" : entry.getKey()).append('=')
          .append(value.sensitive ? "***" : value.render(entry.getValue()));
    }
    return sb.append('}').toString();
  }
}
