package trent.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A boolean or a timestamp (epoch seconds, integral or fractional): no constraints to check. */
final class ScalarShape extends Shape {

  enum Kind { BOOLEAN, TIMESTAMP }

  private final Kind kind;

  ScalarShape(String name, Kind kind) {
    super(name, false);
    this.kind = kind;
  }

  @Override
  void checkType(JsonNode node, boolean hidden) {
    if (kind == Kind.BOOLEAN && !node.isBoolean()) {
      throw wrongKind(node, "a Boolean");
    }
    if (kind == Kind.TIMESTAMP && !node.isNumber()) {
      throw wrongKind(node, "a Timestamp");
    }
  }

  @Override
  void checkConstraints(JsonNode node, String path, boolean hidden, Violations out) {}

  @Override
  boolean satisfies(JsonNode node) {
    return true;
  }

  @Override
  List<String> rules() {
    return List.of();
  }
}
