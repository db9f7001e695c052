package trent.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import trent.domain.error.KmsException;
import trent.protocol.json.JsonCodec;
import trent.protocol.model.ModelValidator;

/**
 * The request body path of every operation, as the dispatcher runs it: JSON parse, model
 * validation, binding to the operation's request record. The first input byte picks the
 * operation; the rest is the body.
 *
 * <p>Allowed outcomes: success; an {@link IOException} from the parser or a {@link
 * JsonProcessingException} from binding (both answered as SerializationException); a {@link
 * KmsException} from validation. Anything else is a finding.
 */
public final class RequestFuzzer {

  private static final JsonCodec CODEC = new JsonCodec();
  private static final ModelValidator VALIDATOR = ModelValidator.loadDefault();
  private static final List<String> OPERATIONS = new ArrayList<>(VALIDATOR.operations());
  private static final Map<String, Class<?>> REQUEST_TYPES = RequestTypes.byOperation(OPERATIONS);

  static {
    OPERATIONS.sort(null);
  }

  private RequestFuzzer() {}

  /**
   * Called by Jazzer once before fuzzing: loads and instruments the code paths, so the first
   * fuzzed input is not charged with start-up against the per-input timeout.
   */
  public static void fuzzerInitialize() {
    for (String operation : OPERATIONS) {
      byte[] body = "{\"KeyId\":\"alias/a\",\"Plaintext\":\"AA==\",\"Limit\":5,\"Tags\":[{\"TagKey\":\"k\"}]}"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] input = new byte[body.length + 1];
      input[0] = (byte) OPERATIONS.indexOf(operation);
      System.arraycopy(body, 0, input, 1, body.length);
      fuzzerTestOneInput(input);
    }
  }

  public static void fuzzerTestOneInput(byte[] data) {
    if (data.length == 0) {
      return;
    }
    String operation = OPERATIONS.get(Byte.toUnsignedInt(data[0]) % OPERATIONS.size());
    byte[] body = java.util.Arrays.copyOfRange(data, 1, data.length);
    JsonNode node;
    try {
      node = CODEC.parse(body);
    } catch (IOException e) {
      return; // SerializationException
    }
    try {
      VALIDATOR.validate(operation, node);
    } catch (KmsException e) {
      return;
    }
    Class<?> type = REQUEST_TYPES.get(operation);
    if (type == null) {
      return; // an operation the server does not implement: UnsupportedOperationException before binding
    }
    try {
      CODEC.bind(node, type);
    } catch (JsonProcessingException e) {
      // SerializationException; the dispatcher binds only validated bodies, so this is allowed
    }
  }
}
