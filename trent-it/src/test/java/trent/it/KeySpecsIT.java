package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * CreateKey and DescribeKey for every KeySpec and KeyUsage pair AWS allows, with the algorithm lists
 * AWS shows (recorded metadata: LocalStack snapshots test_hmac_create_key, test_import_key_asymmetric;
 * the others from the API reference and the developer guide's key spec tables), GenerateMac/VerifyMac
 * for every HMAC spec, and the pairs AWS refuses.
 */
class KeySpecsIT {

  static RunningTrent trent;
  static KmsClient kms;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode();
    kms = trent.client();
  }

  @AfterAll
  static void stop() throws Exception {
    kms.close();
    trent.close();
  }

  static final List<String> RSA_SIGNING = List.of("RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384",
      "RSASSA_PKCS1_V1_5_SHA_512", "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512");
  static final List<String> RSA_ENCRYPTION = List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");

  /** spec, usage, CustomerMasterKeySpec, EncryptionAlgorithms, SigningAlgorithms, KeyAgreementAlgorithms, MacAlgorithms. */
  static Stream<Arguments> allowedPairs() {
    List<String> none = List.of();
    return Stream.of(
        Arguments.of("RSA_2048", "ENCRYPT_DECRYPT", "RSA_2048", RSA_ENCRYPTION, none, none, none),
        Arguments.of("RSA_3072", "SIGN_VERIFY", "RSA_3072", none, RSA_SIGNING, none, none),
        Arguments.of("RSA_4096", "ENCRYPT_DECRYPT", "RSA_4096", RSA_ENCRYPTION, none, none, none),
        Arguments.of("ECC_NIST_P256", "SIGN_VERIFY", "ECC_NIST_P256", none, List.of("ECDSA_SHA_256"), none, none),
        Arguments.of("ECC_NIST_P384", "KEY_AGREEMENT", "ECC_NIST_P384", none, none, List.of("ECDH"), none),
        Arguments.of("ECC_NIST_P521", "SIGN_VERIFY", "ECC_NIST_P521", none, List.of("ECDSA_SHA_512"), none, none),
        Arguments.of("ECC_SECG_P256K1", "SIGN_VERIFY", "ECC_SECG_P256K1", none, List.of("ECDSA_SHA_256"), none, none),
        Arguments.of("ECC_NIST_EDWARDS25519", "SIGN_VERIFY", null, none,
            List.of("ED25519_SHA_512", "ED25519_PH_SHA_512"), none, none),
        Arguments.of("SM2", "ENCRYPT_DECRYPT", "SM2", List.of("SM2PKE"), none, none, none),
        Arguments.of("SM2", "SIGN_VERIFY", "SM2", none, List.of("SM2DSA"), none, none),
        Arguments.of("SM2", "KEY_AGREEMENT", "SM2", none, none, List.of("ECDH"), none),
        Arguments.of("ML_DSA_44", "SIGN_VERIFY", null, none, List.of("ML_DSA_SHAKE_256"), none, none),
        Arguments.of("ML_DSA_65", "SIGN_VERIFY", null, none, List.of("ML_DSA_SHAKE_256"), none, none),
        Arguments.of("ML_DSA_87", "SIGN_VERIFY", null, none, List.of("ML_DSA_SHAKE_256"), none, none),
        Arguments.of("HMAC_224", "GENERATE_VERIFY_MAC", "HMAC_224", none, none, none, List.of("HMAC_SHA_224")),
        Arguments.of("HMAC_256", "GENERATE_VERIFY_MAC", "HMAC_256", none, none, none, List.of("HMAC_SHA_256")),
        Arguments.of("HMAC_384", "GENERATE_VERIFY_MAC", "HMAC_384", none, none, none, List.of("HMAC_SHA_384")),
        Arguments.of("HMAC_512", "GENERATE_VERIFY_MAC", "HMAC_512", none, none, none, List.of("HMAC_SHA_512")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("allowedPairs")
  void describeKeyListsTheAlgorithmsOfSpecAndUsage(String spec, String usage, String cmkSpec, List<String> encryption,
      List<String> signing, List<String> keyAgreement, List<String> mac) {
    KeyMetadata created = kms.createKey(r -> r.keySpec(spec).keyUsage(usage)).keyMetadata();
    KeyMetadata m = kms.describeKey(r -> r.keyId(created.keyId())).keyMetadata();
    assertThat(m).isEqualTo(created);
    assertThat(m.keySpecAsString()).isEqualTo(spec);
    assertThat(m.keyUsageAsString()).isEqualTo(usage);
    assertThat(m.customerMasterKeySpecAsString()).isEqualTo(cmkSpec);
    assertThat(m.keyStateAsString()).isEqualTo("Enabled");
    assertThat(m.encryptionAlgorithmsAsStrings()).containsExactlyElementsOf(encryption);
    assertThat(m.hasEncryptionAlgorithms()).isEqualTo(!encryption.isEmpty());
    assertThat(m.signingAlgorithmsAsStrings()).containsExactlyElementsOf(signing);
    assertThat(m.hasSigningAlgorithms()).isEqualTo(!signing.isEmpty());
    assertThat(m.keyAgreementAlgorithmsAsStrings()).containsExactlyElementsOf(keyAgreement);
    assertThat(m.hasKeyAgreementAlgorithms()).isEqualTo(!keyAgreement.isEmpty());
    assertThat(m.macAlgorithmsAsStrings()).containsExactlyElementsOf(mac);
    assertThat(m.hasMacAlgorithms()).isEqualTo(!mac.isEmpty());
  }

  @Test
  void pairsAwsRefusesAreValidationExceptions() {
    for (String[] pair : new String[][] {{"ECC_NIST_P256", "ENCRYPT_DECRYPT"}, {"ECC_SECG_P256K1", "KEY_AGREEMENT"},
        {"ECC_NIST_EDWARDS25519", "KEY_AGREEMENT"}, {"ML_DSA_65", "ENCRYPT_DECRYPT"}, {"RSA_2048", "KEY_AGREEMENT"},
        {"HMAC_256", "SIGN_VERIFY"}, {"SYMMETRIC_DEFAULT", "SIGN_VERIFY"}, {"RSA_2048", "GENERATE_VERIFY_MAC"}}) {
      Errors.expect(() -> kms.createKey(r -> r.keySpec(pair[0]).keyUsage(pair[1])), "ValidationException",
          "KeyUsage " + pair[1] + " is not compatible with KeySpec " + pair[0] + ".");
    }
    Errors.expect(() -> kms.createKey(r -> r.keySpec("ECC_NIST_P256")), "ValidationException",
        "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"224", "256", "384", "512"})
  void macsOfEveryHmacSpec(String bits) {
    String keyId = kms.createKey(r -> r.keySpec("HMAC_" + bits).keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().keyId();
    String algorithm = "HMAC_SHA_" + bits;
    SdkBytes message = SdkBytes.fromUtf8String("some important message");
    var generated = kms.generateMac(r -> r.keyId(keyId).macAlgorithm(algorithm).message(message));
    assertThat(generated.keyId()).isEqualTo(Keys.arn(keyId));
    assertThat(generated.macAlgorithmAsString()).isEqualTo(algorithm);
    byte[] mac = generated.mac().asByteArray();
    assertThat(mac).hasSize(Integer.parseInt(bits) / 8);
    assertThat(kms.generateMac(r -> r.keyId(keyId).macAlgorithm(algorithm).message(message)).mac().asByteArray())
        .isEqualTo(mac);
    var verified = kms.verifyMac(r -> r.keyId(keyId).macAlgorithm(algorithm).message(message)
        .mac(SdkBytes.fromByteArray(mac)));
    assertThat(verified.macValid()).isTrue();
    // Recorded: LocalStack snapshot test_invalid_verify_mac (KMSInvalidMacException, empty message).
    Errors.expect(() -> kms.verifyMac(r -> r.keyId(keyId).macAlgorithm(algorithm)
        .message(SdkBytes.fromUtf8String("some different important message")).mac(SdkBytes.fromByteArray(mac))),
        "KMSInvalidMacException");
    byte[] truncated = java.util.Arrays.copyOf(mac, mac.length - 1);
    Errors.expect(() -> kms.verifyMac(r -> r.keyId(keyId).macAlgorithm(algorithm).message(message)
        .mac(SdkBytes.fromByteArray(truncated))), "KMSInvalidMacException");
    String other = bits.equals("512") ? "HMAC_SHA_256" : "HMAC_SHA_512";
    // Recorded: LocalStack snapshot test_invalid_generate_mac / test_invalid_verify_mac.
    Errors.expect(() -> kms.generateMac(r -> r.keyId(keyId).macAlgorithm(other).message(message)),
        "InvalidKeyUsageException", "Algorithm " + other + " is incompatible with key spec HMAC_" + bits + ".");
    Errors.expect(() -> kms.generateMac(r -> r.keyId(keyId).macAlgorithm(algorithm).message(message).dryRun(true)),
        "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
  }

  @Test
  void macOperationsNeedAnHmacKey() {
    String symmetric = kms.createKey(r -> r.description("symmetric")).keyMetadata().keyId();
    // Recorded: LocalStack snapshot test_error_messaging_for_invalid_keys ("generate-mac-invalid-key-id").
    Errors.expect(() -> kms.generateMac(r -> r.keyId(symmetric).macAlgorithm("HMAC_SHA_256")
        .message(SdkBytes.fromUtf8String("m"))), "InvalidKeyUsageException",
        Keys.arn(symmetric) + " key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.");
    String hmac = kms.createKey(r -> r.keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().keyId();
    Errors.expect(() -> kms.encrypt(r -> r.keyId(hmac).plaintext(SdkBytes.fromUtf8String("m"))),
        "InvalidKeyUsageException", Keys.arn(hmac) + " key usage is GENERATE_VERIFY_MAC which is not valid for Encrypt.");
    Errors.expect(() -> kms.getPublicKey(r -> r.keyId(hmac)), "UnsupportedOperationException",
        Keys.arn(hmac) + " key spec is HMAC_256 which is not valid for GetPublicKey.");
  }
}
