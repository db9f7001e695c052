package trent.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A blob: a base64 string (RFC 4648 §4, padded) whose decoded length is checked. A blob's value is
 * never printed in a ValidationException (AWS's rendering of non-sensitive blobs was not found;
 * sensitive ones are recorded without value).
 */
final class BlobShape extends Shape {

  private final long minLength;
  private final long maxLength;
  private final List<String> rules;

  BlobShape(String name, boolean sensitive, long minLength, long maxLength) {
    super(name, sensitive);
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.rules = Lengths.rules(minLength, maxLength, AwsText::maxLength, AwsText::minLength);
  }

  @Override
  void checkType(JsonNode node, boolean hidden) {
    if (!node.isTextual()) {
      throw wrongKind(node, "a Blob");
    }
    String reason = Base64Check.problem(node.textValue());
    if (reason != null) {
      throw AwsText.badBase64(hidden || sensitive ? "STRING_VALUE" : "'" + node.textValue() + "'", reason);
    }
  }

  @Override
  void checkConstraints(JsonNode node, String path, boolean hidden, Violations out) {
    long length = Base64Check.decodedLength(node.textValue());
    if (length > maxLength) {
      out.add(path, true, null, AwsText.maxLength(maxLength));
    } else if (length < minLength) {
      out.add(path, true, null, AwsText.minLength(minLength));
    }
  }

  @Override
  boolean satisfies(JsonNode node) {
    long length = Base64Check.decodedLength(node.textValue());
    return length <= maxLength && length >= minLength;
  }

  @Override
  List<String> rules() {
    return rules;
  }
}
