package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;

/**
 * The audit log of a real server driven by the real SDK: one CloudTrail-shaped line per request,
 * all of them written by the time the server has closed, and none holding a plaintext, a
 * ciphertext or a data key.
 */
class AuditIT {

  @Test
  void everyRequestIsRecordedAndNoSecretEverIs() throws Exception {
    Path auditFile = Files.createTempDirectory("trent-audit").resolve("audit.jsonl");
    List<byte[]> secrets = new ArrayList<>();
    String keyArn;
    try (RunningTrent trent = RunningTrent.start(b -> b.audit(auditFile.toString(), 1024, false));
         KmsClient kms = trent.client()) {
      keyArn = kms.createKey(r -> r.description("audited")).keyMetadata().arn();
      byte[] plaintext = "the plaintext nobody may log 0123456789".getBytes(StandardCharsets.UTF_8);
      secrets.add(plaintext);
      Map<String, String> context = Map.of("tenant", "acme");
      EncryptResponse encrypted = kms.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromByteArray(plaintext))
          .encryptionContext(context));
      secrets.add(encrypted.ciphertextBlob().asByteArray());
      DecryptResponse decrypted = kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())
          .encryptionContext(context));
      assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
      GenerateDataKeyResponse dataKey = kms.generateDataKey(r -> r.keyId(keyArn).keySpec(DataKeySpec.AES_256));
      secrets.add(dataKey.plaintext().asByteArray());
      secrets.add(dataKey.ciphertextBlob().asByteArray());
      GenerateDataKeyWithoutPlaintextResponse withoutPlaintext =
          kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyArn).numberOfBytes(32));
      secrets.add(withoutPlaintext.ciphertextBlob().asByteArray());
      kms.disableKey(r -> r.keyId(keyArn));
      try {
        kms.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromByteArray(plaintext)));
      } catch (DisabledException expected) {
        // recorded with its error code
      }
    }
    // The server has closed: every event must be in the file now.
    String text = Files.readString(auditFile);
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(7);
    for (byte[] secret : secrets) {
      assertThat(text)
          .doesNotContain(Base64.getEncoder().encodeToString(secret))
          .doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(secret).substring(0, 16))
          .doesNotContain(HexFormat.of().formatHex(secret));
    }
    assertThat(text).doesNotContain("the plaintext nobody may log");

    ObjectMapper json = new ObjectMapper();
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines) {
      events.add(json.readTree(line));
    }
    assertThat(events).extracting(e -> e.path("eventName").asText()).containsExactly("CreateKey", "Encrypt",
        "Decrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DisableKey", "Encrypt");
    for (JsonNode e : events) {
      assertThat(e.path("eventVersion").asText()).isEqualTo("1.08");
      assertThat(e.path("eventSource").asText()).isEqualTo("kms.amazonaws.com");
      assertThat(e.path("awsRegion").asText()).isEqualTo("us-east-1");
      assertThat(e.path("userIdentity").path("type").asText()).isEqualTo("Root");
      assertThat(e.path("userAgent").asText()).contains("aws-sdk-java");
      assertThat(e.path("resources").get(0).path("ARN").asText()).isEqualTo(keyArn);
      assertThat(e.path("recipientAccountId").asText()).isEqualTo(RunningTrent.ACCOUNT);
      assertThat(e.path("eventID").asText()).hasSize(36);
    }
    JsonNode decrypt = events.get(2);
    assertThat(decrypt.path("readOnly").asBoolean()).isTrue();
    assertThat(decrypt.path("requestParameters").path("encryptionContext").path("tenant").asText()).isEqualTo("acme");
    assertThat(decrypt.path("responseElements").isNull()).isTrue();
    assertThat(events.get(4).path("requestParameters").path("numberOfBytes").asInt()).isEqualTo(32);
    assertThat(events.get(0).path("responseElements").path("keyMetadata").path("arn").asText()).isEqualTo(keyArn);
    JsonNode refused = events.get(6);
    assertThat(refused.path("errorCode").asText()).isEqualTo("DisabledException");
    assertThat(refused.path("errorMessage").asText()).contains(keyArn);
  }
}
