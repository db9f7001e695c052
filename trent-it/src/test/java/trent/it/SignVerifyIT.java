package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.SignResponse;

/**
 * Sign and Verify through the AWS SDK for every key spec and signing algorithm of the model, with
 * each signature Trent makes verified by an independent implementation ({@link Independent}) against
 * the key GetPublicKey returns, and AWS's rules and texts for what does not fit.
 */
class SignVerifyIT {

  static RunningTrent trent;
  static KmsClient kms;
  static Keys keys;

  static final byte[] MESSAGE = "the message Trent signs".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode();
    kms = trent.client();
    keys = new Keys(kms);
  }

  @AfterAll
  static void stop() throws Exception {
    kms.close();
    trent.close();
  }

  static List<Arguments> specsAndAlgorithms() {
    List<Arguments> cases = new ArrayList<>();
    for (String rsa : List.of("RSA_2048", "RSA_3072", "RSA_4096")) {
      for (String a : List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
          "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512")) {
        cases.add(Arguments.of(rsa, a));
      }
    }
    cases.add(Arguments.of("ECC_NIST_P256", "ECDSA_SHA_256"));
    cases.add(Arguments.of("ECC_NIST_P384", "ECDSA_SHA_384"));
    cases.add(Arguments.of("ECC_NIST_P521", "ECDSA_SHA_512"));
    cases.add(Arguments.of("ECC_SECG_P256K1", "ECDSA_SHA_256"));
    cases.add(Arguments.of("ECC_NIST_EDWARDS25519", "ED25519_SHA_512"));
    cases.add(Arguments.of("ECC_NIST_EDWARDS25519", "ED25519_PH_SHA_512"));
    cases.add(Arguments.of("SM2", "SM2DSA"));
    cases.add(Arguments.of("ML_DSA_44", "ML_DSA_SHAKE_256"));
    cases.add(Arguments.of("ML_DSA_65", "ML_DSA_SHAKE_256"));
    cases.add(Arguments.of("ML_DSA_87", "ML_DSA_SHAKE_256"));
    return cases;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("specsAndAlgorithms")
  void signaturesVerifyInTrentAndIndependently(String spec, String algorithm) throws Exception {
    String keyId = keys.of(spec, "SIGN_VERIFY");
    byte[] publicKey = kms.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray();
    for (String type : messageTypes(algorithm)) {
      byte[] input = input(type, algorithm, publicKey);
      SignResponse signed = kms.sign(r -> r.keyId(keyId).signingAlgorithm(algorithm).messageType(type)
          .message(SdkBytes.fromByteArray(input)));
      assertThat(signed.keyId()).isEqualTo(Keys.arn(keyId));
      assertThat(signed.signingAlgorithmAsString()).isEqualTo(algorithm);
      byte[] signature = signed.signature().asByteArray();

      assertThat(kms.verify(r -> r.keyId(keyId).signingAlgorithm(algorithm).messageType(type)
          .message(SdkBytes.fromByteArray(input)).signature(SdkBytes.fromByteArray(signature))).signatureValid())
          .isTrue();
      // Every signature is over MESSAGE, whatever was sent: RAW, its digest, or its ML-DSA mu.
      // SM2DSA over a DIGEST signs SM3(Z || M) given by the caller; only the RAW one is checked outside.
      if (!(algorithm.equals("SM2DSA") && type.equals("DIGEST"))) {
        assertThat(Independent.verify(spec, algorithm, publicKey, MESSAGE, signature))
            .as("%s %s %s verified outside Trent", spec, algorithm, type).isTrue();
      }

      byte[] tampered = signature.clone();
      tampered[tampered.length / 2] ^= 0x01;
      Errors.expect(() -> kms.verify(r -> r.keyId(keyId).signingAlgorithm(algorithm).messageType(type)
          .message(SdkBytes.fromByteArray(input)).signature(SdkBytes.fromByteArray(tampered))),
          "KMSInvalidSignatureException");
    }
  }

  /** The message types each algorithm takes (API reference, Sign: MessageType). */
  static List<String> messageTypes(String algorithm) {
    switch (algorithm) {
      case "ED25519_SHA_512": return List.of("RAW");
      case "ED25519_PH_SHA_512": return List.of("DIGEST");
      case "ML_DSA_SHAKE_256": return List.of("RAW", "EXTERNAL_MU");
      default: return List.of("RAW", "DIGEST");
    }
  }

  static byte[] input(String type, String algorithm, byte[] publicKey) throws Exception {
    switch (type) {
      case "RAW": return MESSAGE;
      case "EXTERNAL_MU": return Independent.externalMu(publicKey, MESSAGE);
      default: return Independent.sha(hash(algorithm), MESSAGE);
    }
  }

  static String hash(String algorithm) {
    if (algorithm.equals("SM2DSA")) {
      return "SM3";
    }
    return algorithm.endsWith("256") ? "SHA-256" : algorithm.endsWith("384") ? "SHA-384" : "SHA-512";
  }

  @Test
  void digestsOfTheWrongLengthAreRefusedWithAwsText() {
    String keyId = keys.of("ECC_NIST_P256", "SIGN_VERIFY");
    // Recorded: LocalStack snapshot test_sign_verify[ECC_NIST_P256-ECDSA_SHA_256] "bad-digest".
    Errors.expect(() -> kms.sign(r -> r.keyId(keyId).signingAlgorithm("ECDSA_SHA_256").messageType("DIGEST")
        .message(SdkBytes.fromByteArray(new byte[31]))), "ValidationException",
        "Digest is invalid length for algorithm ECDSA_SHA_256.");
    Errors.expect(() -> kms.verify(r -> r.keyId(keyId).signingAlgorithm("ECDSA_SHA_256").messageType("DIGEST")
        .message(SdkBytes.fromByteArray(new byte[33])).signature(SdkBytes.fromByteArray(new byte[70]))),
        "ValidationException", "Digest is invalid length for algorithm ECDSA_SHA_256.");
    String rsa = keys.of("RSA_2048", "SIGN_VERIFY");
    Errors.expect(() -> kms.sign(r -> r.keyId(rsa).signingAlgorithm("RSASSA_PSS_SHA_384").messageType("DIGEST")
        .message(SdkBytes.fromByteArray(new byte[32]))), "ValidationException",
        "Digest is invalid length for algorithm RSASSA_PSS_SHA_384.");
  }

  @Test
  void messageTypesTheAlgorithmDoesNotTakeAreRefused() {
    String mlDsa = keys.of("ML_DSA_44", "SIGN_VERIFY");
    // Observed on AWS (floci-io/floci issue 3025).
    Errors.expect(() -> kms.sign(r -> r.keyId(mlDsa).signingAlgorithm("ML_DSA_SHAKE_256").messageType("DIGEST")
        .message(SdkBytes.fromByteArray(new byte[64]))), "ValidationException",
        "Message type DIGEST is incompatible with key spec ML_DSA_44.");
    Errors.expect(() -> kms.sign(r -> r.keyId(mlDsa).signingAlgorithm("ML_DSA_SHAKE_256").messageType("EXTERNAL_MU")
        .message(SdkBytes.fromByteArray(new byte[32]))), "ValidationException",
        "External mu is invalid length for algorithm ML_DSA_SHAKE_256.");
    String ed = keys.of("ECC_NIST_EDWARDS25519", "SIGN_VERIFY");
    Errors.expect(() -> kms.sign(r -> r.keyId(ed).signingAlgorithm("ED25519_PH_SHA_512").messageType("RAW")
        .message(SdkBytes.fromByteArray(MESSAGE))), "ValidationException",
        "Message type RAW is incompatible with key spec ECC_NIST_EDWARDS25519.");
    Errors.expect(() -> kms.sign(r -> r.keyId(ed).signingAlgorithm("ED25519_SHA_512").messageType("DIGEST")
        .message(SdkBytes.fromByteArray(new byte[64]))), "ValidationException",
        "Message type DIGEST is incompatible with key spec ECC_NIST_EDWARDS25519.");
    String p256 = keys.of("ECC_NIST_P256", "SIGN_VERIFY");
    Errors.expect(() -> kms.sign(r -> r.keyId(p256).signingAlgorithm("ECDSA_SHA_256").messageType("EXTERNAL_MU")
        .message(SdkBytes.fromByteArray(new byte[64]))), "ValidationException",
        "Message type EXTERNAL_MU is incompatible with key spec ECC_NIST_P256.");
  }

  @Test
  void algorithmsOfOtherSpecsAndKeysOfOtherUsagesAreRefused() {
    String p256 = keys.of("ECC_NIST_P256", "SIGN_VERIFY");
    Errors.expect(() -> kms.sign(r -> r.keyId(p256).signingAlgorithm("ECDSA_SHA_384")
        .message(SdkBytes.fromByteArray(MESSAGE))), "InvalidKeyUsageException",
        "Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.");
    String rsaEncrypt = keys.of("RSA_2048", "ENCRYPT_DECRYPT");
    // Recorded form: LocalStack snapshot test_error_messaging_for_invalid_keys ("verify-invalid-key-id").
    Errors.expect(() -> kms.verify(r -> r.keyId(rsaEncrypt).signingAlgorithm("RSASSA_PSS_SHA_256")
        .message(SdkBytes.fromByteArray(MESSAGE)).signature(SdkBytes.fromByteArray(new byte[256]))),
        "InvalidKeyUsageException", Keys.arn(rsaEncrypt) + " key usage is ENCRYPT_DECRYPT which is not valid for Verify.");
    String hmac = keys.of("HMAC_256", "GENERATE_VERIFY_MAC");
    Errors.expect(() -> kms.sign(r -> r.keyId(hmac).signingAlgorithm("ECDSA_SHA_256")
        .message(SdkBytes.fromByteArray(MESSAGE))), "InvalidKeyUsageException",
        Keys.arn(hmac) + " key usage is GENERATE_VERIFY_MAC which is not valid for Sign.");
    String symmetric = kms.createKey(r -> r.description("symmetric")).keyMetadata().keyId();
    Errors.expect(() -> kms.sign(r -> r.keyId(symmetric).signingAlgorithm("ECDSA_SHA_256")
        .message(SdkBytes.fromByteArray(MESSAGE))), "InvalidKeyUsageException",
        Keys.arn(symmetric) + " key usage is ENCRYPT_DECRYPT which is not valid for Sign.");
  }

  @Test
  void dryRunAndKeyStateComeFromTheSharedSteps() {
    String keyId = kms.createKey(r -> r.keySpec("ECC_NIST_P384").keyUsage("SIGN_VERIFY")).keyMetadata().keyId();
    Errors.expect(() -> kms.sign(r -> r.keyId(keyId).signingAlgorithm("ECDSA_SHA_384").dryRun(true)
        .message(SdkBytes.fromByteArray(MESSAGE))), "DryRunOperationException",
        "The request would have succeeded, but the DryRun option is set.");
    kms.disableKey(r -> r.keyId(keyId));
    Errors.expect(() -> kms.sign(r -> r.keyId(keyId).signingAlgorithm("ECDSA_SHA_384")
        .message(SdkBytes.fromByteArray(MESSAGE))), "DisabledException", Keys.arn(keyId) + " is disabled.");
    Errors.expect(() -> kms.getPublicKey(r -> r.keyId(keyId)), "DisabledException", Keys.arn(keyId) + " is disabled.");
  }

  @Test
  void getPublicKeyReturnsSpecUsageAndAlgorithms() {
    String keyId = keys.of("ECC_NIST_EDWARDS25519", "SIGN_VERIFY");
    GetPublicKeyResponse r = kms.getPublicKey(b -> b.keyId(keyId));
    assertThat(r.keyId()).isEqualTo(Keys.arn(keyId));
    assertThat(r.keySpecAsString()).isEqualTo("ECC_NIST_EDWARDS25519");
    assertThat(r.keyUsageAsString()).isEqualTo("SIGN_VERIFY");
    assertThat(r.customerMasterKeySpecAsString()).isNull();
    assertThat(r.signingAlgorithmsAsStrings()).containsExactly("ED25519_SHA_512", "ED25519_PH_SHA_512");
    assertThat(r.hasEncryptionAlgorithms()).isFalse();
    assertThat(r.publicKey().asByteArray()).hasSize(44);
    String rsa = keys.of("RSA_3072", "ENCRYPT_DECRYPT");
    GetPublicKeyResponse e = kms.getPublicKey(b -> b.keyId(rsa));
    assertThat(e.customerMasterKeySpecAsString()).isEqualTo("RSA_3072");
    assertThat(e.encryptionAlgorithmsAsStrings()).containsExactly("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
    assertThat(e.hasSigningAlgorithms()).isFalse();
    String symmetric = kms.createKey(b -> b.description("symmetric")).keyMetadata().keyId();
    Errors.expect(() -> kms.getPublicKey(b -> b.keyId(symmetric)), "UnsupportedOperationException",
        Keys.arn(symmetric) + " key spec is SYMMETRIC_DEFAULT which is not valid for GetPublicKey.");
  }

  @Test
  void keysSurviveARestart() {
    String keyId = kms.createKey(r -> r.keySpec("ECC_SECG_P256K1").keyUsage("SIGN_VERIFY")).keyMetadata().keyId();
    byte[] signature = kms.sign(r -> r.keyId(keyId).signingAlgorithm("ECDSA_SHA_256")
        .message(SdkBytes.fromByteArray(MESSAGE))).signature().asByteArray();
    trent.restart();
    try (KmsClient again = trent.client()) {
      assertThat(again.verify(r -> r.keyId(keyId).signingAlgorithm("ECDSA_SHA_256")
          .message(SdkBytes.fromByteArray(MESSAGE)).signature(SdkBytes.fromByteArray(signature))).signatureValid())
          .isTrue();
    }
    kms.close();
    kms = trent.client();
    keys = new Keys(kms);
  }
}
