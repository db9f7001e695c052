package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.VerifyMacResponse;
import software.amazon.awssdk.services.kms.model.VerifyResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GetKeyLastUsageResponse;
import software.amazon.awssdk.services.kms.model.KeyLastUsageTrackingOperation;

/**
 * GetKeyLastUsage through the real SDK. Uses are kept in memory and written in batches; the
 * server's own answers include its unwritten uses, and a restart loses none of them once flushed
 * or shut down cleanly.
 */
class KeyLastUsageIT {

  static MutableClock clock = MutableClock.startingNow();
  static RunningTrent trent;
  static KmsClient kms;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode(clock);
    kms = trent.client();
  }

  @AfterAll
  static void stop() throws Exception {
    kms.close();
    trent.close();
  }

  static Instant millis(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS);
  }

  @Test
  void anUnusedKeyHasAnEmptyLastUsageAndTrackingStartsAtItsCreation() {
    clock.advance(Duration.ofSeconds(5));
    String keyId = kms.createKey(r -> r.description("unused")).keyMetadata().keyId();
    GetKeyLastUsageResponse last = kms.getKeyLastUsage(r -> r.keyId(keyId));
    assertThat(last.keyId()).isEqualTo(keyId);
    assertThat(last.keyLastUsage().operation()).isNull();
    assertThat(last.keyLastUsage().timestamp()).isNull();
    assertThat(last.keyCreationDate()).isEqualTo(millis(clock.instant()));
    assertThat(last.trackingStartDate()).isEqualTo(last.keyCreationDate());
  }

  @Test
  void theLastSuccessfulCryptographicOperationIsReported() {
    String keyId = kms.createKey(r -> r.description("used")).keyMetadata().keyId();
    clock.advance(Duration.ofMinutes(1));
    EncryptResponse encrypted = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")));
    GetKeyLastUsageResponse afterEncrypt = kms.getKeyLastUsage(r -> r.keyId(keyId));
    assertThat(afterEncrypt.keyLastUsage().operation()).isEqualTo(KeyLastUsageTrackingOperation.ENCRYPT);
    assertThat(afterEncrypt.keyLastUsage().timestamp()).isEqualTo(millis(clock.instant()));
    String requestId = encrypted.responseMetadata().requestId();
    assertThat(afterEncrypt.keyLastUsage().kmsRequestId()).isEqualTo(requestId);
    assertThat(afterEncrypt.keyLastUsage().cloudTrailEventId()).isEqualTo(requestId);

    clock.advance(Duration.ofMinutes(1));
    kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()));
    assertThat(kms.getKeyLastUsage(r -> r.keyId(keyId)).keyLastUsage().operation())
        .isEqualTo(KeyLastUsageTrackingOperation.DECRYPT);

    clock.advance(Duration.ofMinutes(1));
    kms.generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256));
    assertThat(kms.getKeyLastUsage(r -> r.keyId(keyId)).keyLastUsage().operation())
        .isEqualTo(KeyLastUsageTrackingOperation.GENERATE_DATA_KEY);

    clock.advance(Duration.ofMinutes(1));
    kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_128));
    assertThat(kms.getKeyLastUsage(r -> r.keyId(keyId)).keyLastUsage().operation())
        .isEqualTo(KeyLastUsageTrackingOperation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT);

    String other = kms.createKey(r -> r.description("destination")).keyMetadata().keyId();
    clock.advance(Duration.ofMinutes(1));
    kms.reEncrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).destinationKeyId(other));
    assertThat(kms.getKeyLastUsage(r -> r.keyId(keyId)).keyLastUsage().operation())
        .isEqualTo(KeyLastUsageTrackingOperation.RE_ENCRYPT);
    assertThat(kms.getKeyLastUsage(r -> r.keyId(other)).keyLastUsage().operation())
        .isEqualTo(KeyLastUsageTrackingOperation.RE_ENCRYPT);
  }

  @Test
  void asymmetricMacAndKeyPairOperationsAreUsesToo() throws Exception {
    String signing = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
        .keyMetadata().keyId();
    SdkBytes message = SdkBytes.fromUtf8String("message");
    clock.advance(Duration.ofMinutes(1));
    SignResponse signed = kms.sign(r -> r.keyId(signing).message(message)
        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
    assertLastUse(signing, KeyLastUsageTrackingOperation.SIGN, signed.responseMetadata().requestId());
    clock.advance(Duration.ofMinutes(1));
    VerifyResponse verified = kms.verify(r -> r.keyId(signing).message(message).signature(signed.signature())
        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
    assertLastUse(signing, KeyLastUsageTrackingOperation.VERIFY, verified.responseMetadata().requestId());
    clock.advance(Duration.ofMinutes(1));
    Errors.expect(() -> kms.verify(r -> r.keyId(signing).message(SdkBytes.fromUtf8String("other"))
        .signature(signed.signature()).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)),
        "KMSInvalidSignatureException");
    assertThat(kms.getKeyLastUsage(r -> r.keyId(signing)).keyLastUsage().kmsRequestId())
        .as("a signature that does not verify is not a use").isEqualTo(verified.responseMetadata().requestId());

    String mac = kms.createKey(r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))
        .keyMetadata().keyId();
    clock.advance(Duration.ofMinutes(1));
    GenerateMacResponse generated = kms.generateMac(r -> r.keyId(mac).message(message)
        .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256));
    assertLastUse(mac, KeyLastUsageTrackingOperation.GENERATE_MAC, generated.responseMetadata().requestId());
    clock.advance(Duration.ofMinutes(1));
    VerifyMacResponse macVerified = kms.verifyMac(r -> r.keyId(mac).message(message).mac(generated.mac())
        .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256));
    assertLastUse(mac, KeyLastUsageTrackingOperation.VERIFY_MAC, macVerified.responseMetadata().requestId());

    String agreement = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.KEY_AGREEMENT))
        .keyMetadata().keyId();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    byte[] peer = generator.generateKeyPair().getPublic().getEncoded();
    clock.advance(Duration.ofMinutes(1));
    DeriveSharedSecretResponse derived = kms.deriveSharedSecret(r -> r.keyId(agreement)
        .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(SdkBytes.fromByteArray(peer)));
    assertLastUse(agreement, KeyLastUsageTrackingOperation.DERIVE_SHARED_SECRET, derived.responseMetadata().requestId());

    String symmetric = kms.createKey(r -> r.description("pairs")).keyMetadata().keyId();
    clock.advance(Duration.ofMinutes(1));
    GenerateDataKeyPairResponse pair = kms.generateDataKeyPair(r -> r.keyId(symmetric)
        .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256));
    assertLastUse(symmetric, KeyLastUsageTrackingOperation.GENERATE_DATA_KEY_PAIR, pair.responseMetadata().requestId());
    clock.advance(Duration.ofMinutes(1));
    GenerateDataKeyPairWithoutPlaintextResponse withoutPlaintext = kms.generateDataKeyPairWithoutPlaintext(
        r -> r.keyId(symmetric).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256));
    assertLastUse(symmetric, KeyLastUsageTrackingOperation.GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT,
        withoutPlaintext.responseMetadata().requestId());
  }

  private static void assertLastUse(String keyId, KeyLastUsageTrackingOperation operation, String requestId) {
    GetKeyLastUsageResponse last = kms.getKeyLastUsage(r -> r.keyId(keyId));
    assertThat(last.keyLastUsage().operation()).isEqualTo(operation);
    assertThat(last.keyLastUsage().timestamp()).isEqualTo(millis(clock.instant()));
    assertThat(last.keyLastUsage().kmsRequestId()).isEqualTo(requestId);
  }

  @Test
  void failedOperationsAndControlPlaneCallsAreNotUses() {
    String keyId = kms.createKey(r -> r.description("idle")).keyMetadata().keyId();
    kms.describeKey(r -> r.keyId(keyId));
    Errors.expect(() -> kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")).dryRun(true)),
        "DryRunOperationException");
    kms.disableKey(r -> r.keyId(keyId));
    Errors.expect(() -> kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))), "DisabledException");
    assertThat(kms.getKeyLastUsage(r -> r.keyId(keyId)).keyLastUsage().operation()).isNull();
  }

  @Test
  void usesSurviveARestartOnceFlushedAndOnCleanShutdown() throws Exception {
    try (RunningTrent own = RunningTrent.developmentMode(clock); KmsClient client = own.client()) {
      String flushed = client.createKey(r -> r.description("flushed")).keyMetadata().keyId();
      String atShutdown = client.createKey(r -> r.description("at shutdown")).keyMetadata().keyId();
      client.encrypt(r -> r.keyId(flushed).plaintext(SdkBytes.fromUtf8String("x")));
      assertThat(own.server().flushKeyUsageNow()).isEqualTo(1);
      clock.advance(Duration.ofSeconds(1));
      client.encrypt(r -> r.keyId(atShutdown).plaintext(SdkBytes.fromUtf8String("y")));

      own.restart();
      try (KmsClient again = own.client()) {
        assertThat(again.getKeyLastUsage(r -> r.keyId(flushed)).keyLastUsage().operation())
            .isEqualTo(KeyLastUsageTrackingOperation.ENCRYPT);
        GetKeyLastUsageResponse last = again.getKeyLastUsage(r -> r.keyId(atShutdown));
        assertThat(last.keyLastUsage().operation()).isEqualTo(KeyLastUsageTrackingOperation.ENCRYPT);
        assertThat(last.keyLastUsage().timestamp()).isEqualTo(millis(clock.instant()));
      }
    }
  }

  @Test
  void getKeyLastUsageNamesMissingKeysAsAws() {
    String missing = "0f0e0d0c-0b0a-4908-8706-050403020100";
    Errors.expect(() -> kms.getKeyLastUsage(r -> r.keyId(missing)), "NotFoundException",
        "Key 'arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":key/" + missing + "' does not exist");
    Errors.expect(() -> kms.getKeyLastUsage(r -> r.keyId("alias/x")), "NotFoundException", "Invalid keyId 'alias/x'");
  }
}
