package trent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.OperationTable;
import trent.protocol.json.JsonCodec;
import trent.protocol.model.ModelValidator;
import trent.storage.StorageException;

/** Failures that are not the caller's fault are answered without detail, and nothing is lost in between. */
class DispatcherTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  record Input(Integer limit, String marker) {}

  static final class Failing extends BaseOperation<Input, Object> {
    private final RuntimeException failure;

    Failing(RuntimeException failure) {
      super("ListKeys", Input.class, false);
      this.failure = failure;
    }

    @Override
    public Object execute(Input input, CallContext context) {
      throw failure;
    }
  }

  static Answer call(RuntimeException failure) throws Exception {
    Dispatcher dispatcher = new Dispatcher(OperationTable.builder().add(new Failing(failure)).build(),
        ModelValidator.loadDefault(), Authenticator.developmentMode("111122223333", CLOCK), new JsonCodec(), Runnable::run);
    List<Map.Entry<String, String>> headers = List.of(
        Map.entry("Host", "127.0.0.1"),
        Map.entry("Content-Type", "application/x-amz-json-1.1"),
        Map.entry("X-Amz-Target", "TrentService.ListKeys"),
        Map.entry("X-Amz-Date", "20261123T120000Z"),
        Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261123/us-east-1/kms/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64)));
    return dispatcher.dispatch(new IncomingRequest("req-1", "POST", "/", "", headers,
        "{}".getBytes(StandardCharsets.UTF_8), "127.0.0.1")).get();
  }

  @Test
  void aStorageFailureIsAnInternalErrorWithoutItsDetails() throws Exception {
    Answer answer = call(new StorageException("disk /var/secret/path is full"));
    assertThat(answer.status()).isEqualTo(500);
    JsonNode body = new ObjectMapper().readTree(answer.body());
    assertThat(body.path("__type").asText()).isEqualTo("KMSInternalException");
    assertThat(body.path("message").asText()).isEqualTo("An internal error occurred. Try again later.");
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).doesNotContain("secret");
  }

  @Test
  void anUnexpectedExceptionIsAnInternalErrorWithoutItsDetails() throws Exception {
    Answer answer = call(new IllegalStateException("key material 00ff00ff leaked?"));
    assertThat(answer.status()).isEqualTo(500);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8))
        .contains("KMSInternalException")
        .doesNotContain("00ff00ff")
        .doesNotContain("IllegalStateException");
  }
}
