package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import trent.server.ConfigFile;

/** The README's "Access control" example, started from the very file the README quotes. */
class AccessControlExampleIT {

  static RunningTrent trent;

  @BeforeAll
  static void start() throws Exception {
    Path file = example();
    ConfigFile config = ConfigFile.read(file);
    trent = RunningTrent.start(b -> {
      Path dataDir = b.build().dataDir();
      return config.applyTo(b).port(0).dataDir(dataDir);
    });
  }

  @AfterAll
  static void stop() throws Exception {
    trent.close();
  }

  static Path example() throws URISyntaxException {
    return Path.of(AccessControlExampleIT.class.getResource("/examples/access-control.yaml").toURI());
  }

  @Test
  void theReadmeQuotesThisExactFile() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains("```yaml\n" + java.nio.file.Files.readString(example()) + "```");
  }

  @Test
  void theControlPlaneMakesSealedDataKeysThatOnlyTheTenantsDataPlaneOpens() {
    try (KmsClient admin = client("AKIAADMINEXAMPLE0001", "admin-secret-change-me-0123456789abcdef");
        KmsClient control = client("AKIACONTROLEXAMPLE01", "control-secret-change-me-0123456789ab");
        KmsClient data = client("AKIADATAEXAMPLE00001", "data-secret-change-me-0123456789abcdef")) {
      String key = admin.createKey(r -> r.description("tenant data keys")).keyMetadata().arn();

      SdkBytes t1 = control.generateDataKeyWithoutPlaintext(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)
          .encryptionContext(Map.of("tenant", "t1"))).ciphertextBlob();
      SdkBytes t2 = control.generateDataKeyWithoutPlaintext(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)
          .encryptionContext(Map.of("tenant", "t2"))).ciphertextBlob();

      Errors.expect(() -> control.decrypt(r -> r.ciphertextBlob(t1).encryptionContext(Map.of("tenant", "t1"))),
          "AccessDeniedException");
      Errors.expect(() -> control.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)),
          "AccessDeniedException");
      assertThat(data.decrypt(r -> r.ciphertextBlob(t1).encryptionContext(Map.of("tenant", "t1"))).plaintext()
          .asByteArray()).hasSize(32);
      Errors.expect(() -> data.decrypt(r -> r.ciphertextBlob(t2).encryptionContext(Map.of("tenant", "t2"))),
          "AccessDeniedException");
    }
  }

  private static KmsClient client(String accessKeyId, String secret) {
    return trent.client(Region.US_EAST_1, accessKeyId, secret);
  }
}
