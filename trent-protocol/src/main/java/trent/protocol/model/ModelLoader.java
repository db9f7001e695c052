package trent.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compiles the JSON description ({@code kms-model.json}) into {@link Shape} objects, once. */
final class ModelLoader {

  private final JsonNode shapesJson;
  private final JsonNode enumOrder;
  private final Map<String, Shape> shapes = new HashMap<>();

  ModelLoader(JsonNode document) {
    this.shapesJson = require(document, "shapes");
    this.enumOrder = document.path("enumMessageOrder");
  }

  Shape shape(String name) {
    Shape existing = shapes.get(name);
    if (existing != null) {
      return existing;
    }
    JsonNode json = require(shapesJson, name);
    String type = require(json, "type").asText();
    boolean sensitive = json.path("sensitive").asBoolean(false);
    switch (type) {
      case "structure": {
        StructureShape shape = new StructureShape(name);
        shapes.put(name, shape); // before the members: recursive shapes refer back to it
        List<StructureShape.Member> members = new ArrayList<>();
        for (JsonNode m : require(json, "members")) {
          String wireName = require(m, "name").asText();
          members.add(new StructureShape.Member(wireName, lowerCamel(wireName),
              shape(require(m, "target").asText()), m.path("required").asBoolean(false),
              m.path("sensitive").asBoolean(false)));
        }
        shape.setMembers(members);
        return shape;
      }
      case "list":
        return put(new ListShape(name, shape(require(json, "member").asText()),
            lower(json.path("length")), upper(json.path("length"))));
      case "map":
        return put(new MapShape(name, shape(require(json, "key").asText()),
            shape(require(json, "value").asText()), lower(json.path("length")),
            upper(json.path("length"))));
      case "string":
        return put(new StringShape(name, sensitive, lower(json.path("length")),
            upper(json.path("length")), json.hasNonNull("pattern") ? json.get("pattern").asText() : null,
            enumOrder(name, json)));
      case "integer":
        return put(new IntegerShape(name, lower(json.path("range")), upper(json.path("range"))));
      case "blob":
        return put(new BlobShape(name, sensitive, lower(json.path("length")),
            upper(json.path("length"))));
      case "boolean":
        return put(new ScalarShape(name, ScalarShape.Kind.BOOLEAN));
      case "timestamp":
        return put(new ScalarShape(name, ScalarShape.Kind.TIMESTAMP));
      default:
        throw new IllegalStateException("kms-model.json: unknown type " + type + " of " + name);
    }
  }

  /**
   * AWS names members in messages in lowerCamel: the JSON name with its first letter lowered
   * ({@code KeyId} to {@code keyId}). No input member starts with two capitals; the only such
   * member in the model, {@code AWSAccountId}, is in outputs only.
   */
  static String lowerCamel(String wireName) {
    return wireName.substring(0, 1).toLowerCase(Locale.ROOT) + wireName.substring(1);
  }

  private List<String> enumOrder(String name, JsonNode json) {
    if (!json.has("enum")) {
      return null;
    }
    JsonNode source = enumOrder.path(name).has("values") ? enumOrder.path(name).get("values") : json.get("enum");
    List<String> values = new ArrayList<>();
    source.forEach(v -> values.add(v.asText()));
    return List.copyOf(values);
  }

  private Shape put(Shape shape) {
    shapes.put(shape.name, shape);
    return shape;
  }

  private static long lower(JsonNode bounds) {
    return bounds.has("min") ? bounds.get("min").asLong() : Lengths.NO_MIN;
  }

  private static long upper(JsonNode bounds) {
    return bounds.has("max") ? bounds.get("max").asLong() : Lengths.NO_MAX;
  }

  static JsonNode require(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalStateException("kms-model.json: missing '" + field + "'");
    }
    return value;
  }
}
