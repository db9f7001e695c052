package trent.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

/**
 * The README's seed file example ({@code src/test/resources/kms-seed.yaml}): fixed keys make
 * ciphertexts and MACs that stay valid across runs and machines, and come back after a reset.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrentExtensionSeedTest {

  @RegisterExtension
  static TrentExtension trent = TrentExtension.builder().seed("kms-seed.yaml").resetBetweenTests(true).build();

  /** Made once by a Trent seeded with the example file, for "card 4111" with context purpose=test. */
  static final String GOLDEN_CIPHERTEXT = "AQEXM7HBHtJOsqrwbqpGsVG84NaFR7AspFfOvxgseqYRQ1K9kN9rkSkbJPHuTvPtDHuundkeKUvZoseTBQbNt99qLRxprQ9gVCcW294HTi3QrfYR4hP7iL7Sc490kr0Yi12h8ryoLMt3cOg=";

  @Test
  @Order(1)
  void aCiphertextMadeOnAnotherRunStillDecrypts() {
    KmsClient kms = trent.kmsClient();
    SdkBytes blob = SdkBytes.fromByteArray(Base64.getDecoder().decode(GOLDEN_CIPHERTEXT));
    var decrypted = kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(java.util.Map.of("purpose", "test")));
    assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("card 4111");
    assertThat(decrypted.keyId()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/1733b1c1-1ed2-4eb2-aaf0-6eaa46b151bc");
  }

  @Test
  @Order(2)
  void theHmacKeyMakesTheMacAnyHmacLibraryMakes() {
    KmsClient kms = trent.kmsClient();
    // python3 -c 'import hmac,hashlib,base64; print(base64.b64encode(hmac.new(base64.b64decode(
    //   "JKZlb9N85WifWSkf3e35/LNyE2mKFR/4viInNSWqKtg="), b"order 42 paid", hashlib.sha256).digest()))'
    SdkBytes mac = kms.generateMac(r -> r.keyId("alias/webhooks").macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
        .message(SdkBytes.fromUtf8String("order 42 paid"))).mac();
    assertThat(Base64.getEncoder().encodeToString(mac.asByteArray())).isEqualTo("0WplJallvj576TO9Gy8DQuB/Jk9pv5FsCV3MehdAP+I=");
  }

  @Test
  @Order(3)
  void theSigningKeyHasThePublicKeyOfTheGivenPrivateKeyInItsRegion() {
    try (KmsClient kms = KmsClients.create(trent.endpoint(), "eu-west-1")) {
      // openssl pkey -pubout -outform DER of the file's PEM, base64
      assertThat(Base64.getEncoder().encodeToString(
          kms.getPublicKey(r -> r.keyId("f96774d2-7c59-4366-ab30-3ce9788d0305")).publicKey().asByteArray()))
          .isEqualTo("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEnuf0KqvL5nCoHCEGOdvIo6RVwZiVfptW7zOLLZtxw4IIHSi1HL5bZjh0ivlZcpQ9jwUpSim5QpiyJvQNHaWDOw==");
    }
  }

  @Test
  @Order(4)
  void aliasesAndGrantsAreThereAndComeBackAfterAReset() {
    KmsClient kms = trent.kmsClient();
    kms.deleteAlias(r -> r.aliasName("alias/payments")); // reset before the next test brings it back
    assertThat(kms.listKeys().keys()).hasSize(2); // the third key is in eu-west-1
    String payments = "1733b1c1-1ed2-4eb2-aaf0-6eaa46b151bc";
    assertThat(kms.listGrants(r -> r.keyId(payments)).grants())
        .singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("payments-app"));
  }

  @Test
  @Order(5)
  void afterTheResetTheSeedIsAppliedAgain() {
    KmsClient kms = trent.kmsClient();
    assertThat(kms.describeKey(r -> r.keyId("alias/payments")).keyMetadata().keyId())
        .isEqualTo("1733b1c1-1ed2-4eb2-aaf0-6eaa46b151bc");
  }

  @Test
  void theReadmeQuotesTheExampleFile() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    String example = Files.readString(Path.of("src", "test", "resources", "kms-seed.yaml"), StandardCharsets.UTF_8);
    assertThat(readme).contains("```yaml\n" + example + "```");
  }
}
