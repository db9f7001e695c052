package trent.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import trent.domain.error.SerializationException;

/**
 * One compiled model shape. Built once per validator; immutable and shared by all requests.
 *
 * <p>Validation runs in two passes, as AWS's framework does: {@link #checkType} while reading
 * (the first wrong JSON kind ends the request with {@link SerializationException}), then
 * {@link #checkConstraints} over the whole request, collecting every violation.
 */
abstract sealed class Shape
    permits StructureShape, ListShape, MapShape, StringShape, IntegerShape, BlobShape, ScalarShape {

  final String name;
  final boolean sensitive;

  Shape(String name, boolean sensitive) {
    this.name = name;
    this.sensitive = sensitive;
  }

  /**
   * Throws {@link SerializationException} when {@code node} (never null, never JSON null) has a
   * JSON kind this shape cannot be read from.
   *
   * @param hidden whether the value must not appear in a message (a sensitive member)
   */
  abstract void checkType(JsonNode node, boolean hidden);

  /** Adds every constraint violation of {@code node} (type-checked, not null) at {@code path}. */
  abstract void checkConstraints(JsonNode node, String path, boolean hidden, Violations out);

  /** Whether {@code node} satisfies this shape's own rules (for members of lists and maps). */
  abstract boolean satisfies(JsonNode node);

  /** This shape's own rules, in AWS's listing order, for "Member must satisfy constraint: [..]". */
  abstract List<String> rules();

  /** The value as AWS prints it inside a message: Java's {@code toString} forms. */
  String render(JsonNode node) {
    return node.asText();
  }

  /** The exception for a JSON kind that cannot become {@code target} ("an Integer", ...). */
  static SerializationException wrongKind(JsonNode node, String target) {
    if (node.isArray()) {
      return new SerializationException(AwsText.LIST_NOT_EXPECTED);
    }
    if (node.isObject()) {
      return new SerializationException(AwsText.MAP_NOT_EXPECTED);
    }
    return AwsText.cannotConvert(token(node), target);
  }

  /** The framework's name for a scalar JSON token. */
  static String token(JsonNode node) {
    if (node.isTextual()) {
      return "STRING_VALUE";
    }
    if (node.isNumber()) {
      return "NUMBER_VALUE";
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
    }
    return "VALUE";
  }
}
