package trent.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import trent.domain.error.SerializationException;
import trent.domain.error.ValidationException;

/**
 * Checks a request body against the KMS model's input constraints, for every operation.
 *
 * <p>Guarantees: a body that {@link #validate} accepts has, for every modeled member present, the
 * modeled JSON kind (strings, numbers, booleans, arrays, objects, valid base64 for blobs) and
 * satisfies every required / length / range / pattern / enum rule of the model plus the documented
 * rules listed in the resource. Unknown members are ignored and JSON {@code null} counts as absent.
 * Failures are AWS's: {@link SerializationException} for the first wrong JSON kind (document order),
 * else one {@link ValidationException} listing every violation. Values of sensitive members never
 * appear in a message.
 *
 * <p>Immutable after construction and safe for concurrent use. Build one per server with
 * {@link #loadDefault()}; nothing is static.
 */
public final class ModelValidator {

  private static final String RESOURCE = "/trent/protocol/model/kms-model.json";

  private final Map<String, OperationInput> inputs;

  /** One operation's input shape and its documented rules that carry their own AWS message. */
  private record OperationInput(StructureShape shape, List<MessageRule> messageRules) {}

  /** A documented range whose violation AWS answers with a text of its own. */
  private record MessageRule(String member, long min, long max, String message) {}

  private ModelValidator(Map<String, OperationInput> inputs) {
    this.inputs = inputs;
  }

  /** Loads the model from the classpath resource {@code trent/protocol/model/kms-model.json}. */
  public static ModelValidator loadDefault() {
    try (InputStream in = ModelValidator.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return load(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static ModelValidator load(JsonNode document) {
    ModelLoader loader = new ModelLoader(document);
    Map<String, StructureShape> shapes = new LinkedHashMap<>();
    ModelLoader.require(document, "operations").properties().forEach(op ->
        shapes.put(op.getKey(), (StructureShape) loader.shape(ModelLoader.require(op.getValue(), "input").asText())));
    Map<String, List<MessageRule>> messageRules = new LinkedHashMap<>();
    for (JsonNode rule : document.path("documented")) {
      String operation = ModelLoader.require(rule, "operation").asText();
      String member = ModelLoader.require(rule, "member").asText();
      JsonNode range = ModelLoader.require(rule, "range");
      long min = ModelLoader.require(range, "min").asLong();
      long max = ModelLoader.require(range, "max").asLong();
      StructureShape input = Objects.requireNonNull(shapes.get(operation), operation);
      if (rule.hasNonNull("message")) {
        // Checked after the model's own rules, which keep their standard messages.
        messageRules.computeIfAbsent(operation, k -> new ArrayList<>())
            .add(new MessageRule(member, min, max, rule.get("message").asText()));
      } else {
        IntegerShape modeled = (IntegerShape) input.members().stream()
            .filter(m -> m.wireName().equals(member)).findFirst().orElseThrow().shape();
        shapes.put(operation, input.withMemberShape(member, modeled.narrowed(min, max)));
      }
    }
    Map<String, OperationInput> inputs = new LinkedHashMap<>();
    shapes.forEach((op, shape) ->
        inputs.put(op, new OperationInput(shape, List.copyOf(messageRules.getOrDefault(op, List.of())))));
    return new ModelValidator(Map.copyOf(inputs));
  }

  /** The 54 operation names of the model. */
  public Set<String> operations() {
    return inputs.keySet();
  }

  /**
   * Checks the request body of an operation: first JSON types (SerializationException on a wrong
   * JSON type, e.g. a string where an integer is modeled, an object where a list is, a blob that is
   * not valid base64), then every constraint (ValidationException listing every violation). null
   * members count as absent. Unknown members are ignored.
   *
   * @param operation a name from {@link #operations()}
   * @param body the parsed body; an empty object for an empty HTTP body
   * @throws IllegalArgumentException for an operation not in the model (dispatch rejects those
   *     earlier with UnknownOperationException)
   */
  public void validate(String operation, JsonNode body) {
    OperationInput input = inputs.get(operation);
    if (input == null) {
      throw new IllegalArgumentException("not a KMS operation: " + operation);
    }
    Objects.requireNonNull(body, "body");
    if (!body.isObject()) {
      // Measured on AWS's JSON framework (Athena, 2026-09-23): a top-level array gets "Start of
      // list found where not expected"; any other non-object body a SerializationException
      // without a message.
      throw new SerializationException(body.isArray() ? AwsText.LIST_NOT_EXPECTED : null);
    }
    input.shape().checkType(body, false);
    Violations violations = new Violations();
    input.shape().checkConstraints(body, "", false, violations);
    if (!violations.isEmpty()) {
      throw AwsText.validation(violations.list());
    }
    for (MessageRule rule : input.messageRules()) {
      JsonNode value = body.get(rule.member());
      if (value != null && value.canConvertToLong()
          && (value.longValue() < rule.min() || value.longValue() > rule.max())) {
        throw new ValidationException(rule.message());
      }
    }
  }
}
