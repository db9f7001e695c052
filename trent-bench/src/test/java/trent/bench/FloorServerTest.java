package trent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The floor server answers as Trent does on the wire, so that a wrk script or the load generator
 * measures it alike: signatures verified, blobs that decrypt, errors for what it refuses.
 */
class FloorServerTest {

  private static final String ACCESS_KEY_ID = "AKIDFLOORTEST";
  private static final String SECRET = "floorTestSecretKey/0123456789abcdefghijkl";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static KmsHttpClient client(FloorServer.Running server, String secret) {
    return new KmsHttpClient(URI.create("http://127.0.0.1:" + server.port()),
        new SigV4Signer(ACCESS_KEY_ID, secret, "us-east-1", "kms"), 1);
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void generatedDataKeysDecryptUnderTheirContextOnly() throws Exception {
    try (FloorServer.Running server = FloorServer.start("127.0.0.1", 0, ACCESS_KEY_ID, SECRET, 1, false);
        KmsHttpClient client = client(server, SECRET)) {
      KmsHttpClient.Response generated = client.call("GenerateDataKeyWithoutPlaintext", json(
          "{\"KeyId\":\"" + FloorServer.KEY_ARN + "\",\"KeySpec\":\"AES_256\",\"EncryptionContext\":{\"a\":\"bc\"}}"),
          TIMEOUT);
      assertThat(generated.ok()).as(generated.toString()).isTrue();
      assertThat(generated.json().path("KeyId").asText()).isEqualTo(FloorServer.KEY_ARN);
      assertThat(generated.json().has("Plaintext")).isFalse();
      String blob = generated.json().path("CiphertextBlob").asText();

      KmsHttpClient.Response decrypted = client.call("Decrypt",
          json("{\"CiphertextBlob\":\"" + blob + "\",\"EncryptionContext\":{\"a\":\"bc\"}}"), TIMEOUT);
      assertThat(decrypted.ok()).as(decrypted.toString()).isTrue();
      assertThat(Base64.getDecoder().decode(decrypted.json().path("Plaintext").asText())).hasSize(32);

      KmsHttpClient.Response otherContext = client.call("Decrypt",
          json("{\"CiphertextBlob\":\"" + blob + "\",\"EncryptionContext\":{\"ab\":\"c\"}}"), TIMEOUT);
      assertThat(otherContext.status()).isEqualTo(400);
    }
  }

  @Test
  void refusesAWrongSignature() throws Exception {
    try (FloorServer.Running server = FloorServer.start("127.0.0.1", 0, ACCESS_KEY_ID, SECRET, 1, false);
        KmsHttpClient client = client(server, "not-the-secret")) {
      KmsHttpClient.Response answer = client.call("GenerateDataKeyWithoutPlaintext",
          json("{\"KeyId\":\"" + FloorServer.KEY_ARN + "\",\"KeySpec\":\"AES_256\"}"), TIMEOUT);

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.errorType()).isNotEmpty();
    }
  }

  @Test
  void bareModeAnswersWithoutReadingTheRequest() throws Exception {
    try (FloorServer.Running server = FloorServer.start("127.0.0.1", 0, ACCESS_KEY_ID, SECRET, 1, true);
        KmsHttpClient client = client(server, "not-the-secret")) {
      KmsHttpClient.Response answer = client.call("Decrypt", json("{}"), TIMEOUT);

      assertThat(answer.ok()).as(answer.toString()).isTrue();
      assertThat(answer.json().path("KeyId").asText()).isEqualTo(FloorServer.KEY_ARN);
    }
  }
}
