package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;

/**
 * Asymmetric Encrypt, Decrypt and ReEncrypt (RSAES-OAEP, SM2PKE), GenerateDataKeyPair and its
 * WithoutPlaintext sibling, and DeriveSharedSecret, through the AWS SDK. The other side of every
 * exchange is computed in the test with the JDK (OAEP, ECDH on NIST curves) or BouncyCastle (SM2),
 * from the public key GetPublicKey returns.
 */
class AsymmetricEncryptionIT {

  static RunningTrent trent;
  static KmsClient kms;
  static Keys keys;

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

  /** AWS's limits (LocalStack snapshot test_encrypt_validate_plaintext_size_per_key_type). */
  @ParameterizedTest(name = "{0} {1} up to {2} bytes")
  @CsvSource({"RSA_2048,RSAES_OAEP_SHA_1,214", "RSA_2048,RSAES_OAEP_SHA_256,190", "RSA_3072,RSAES_OAEP_SHA_1,342",
      "RSA_3072,RSAES_OAEP_SHA_256,318", "RSA_4096,RSAES_OAEP_SHA_1,470", "RSA_4096,RSAES_OAEP_SHA_256,446",
      "SM2,SM2PKE,1024"})
  void encryptsUpToTheLimitAndInteroperates(String spec, String algorithm, int max) throws Exception {
    String keyId = keys.of(spec, "ENCRYPT_DECRYPT");
    byte[] plaintext = new byte[max];
    Arrays.fill(plaintext, (byte) 7);
    EncryptResponse encrypted = kms.encrypt(r -> r.keyId(keyId).encryptionAlgorithm(algorithm)
        .plaintext(SdkBytes.fromByteArray(plaintext)));
    assertThat(encrypted.keyId()).isEqualTo(Keys.arn(keyId));
    assertThat(encrypted.encryptionAlgorithmAsString()).isEqualTo(algorithm);
    DecryptResponse decrypted = kms.decrypt(r -> r.keyId(keyId).encryptionAlgorithm(algorithm)
        .ciphertextBlob(encrypted.ciphertextBlob()));
    assertThat(decrypted.plaintext().asByteArray()).isEqualTo(plaintext);
    assertThat(decrypted.keyId()).isEqualTo(Keys.arn(keyId));
    assertThat(decrypted.encryptionAlgorithmAsString()).isEqualTo(algorithm);

    // Encrypted outside Trent with the public key from GetPublicKey; Trent decrypts.
    byte[] publicKey = kms.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray();
    byte[] outside = encryptOutside(spec, algorithm, publicKey, plaintext);
    assertThat(kms.decrypt(r -> r.keyId(keyId).encryptionAlgorithm(algorithm)
        .ciphertextBlob(SdkBytes.fromByteArray(outside))).plaintext().asByteArray()).isEqualTo(plaintext);

    Errors.expect(() -> kms.encrypt(r -> r.keyId(keyId).encryptionAlgorithm(algorithm)
        .plaintext(SdkBytes.fromByteArray(new byte[max + 1]))), "ValidationException",
        max == 1024 ? "Algorithm SM2PKE and key spec SM2 cannot encrypt data larger than 1024 bytes."
            : "Algorithm " + algorithm + " and key spec " + spec + " cannot encrypt data larger than " + max + " bytes.");
    byte[] tampered = encrypted.ciphertextBlob().asByteArray();
    tampered[tampered.length - 1] ^= 1;
    Errors.expect(() -> kms.decrypt(r -> r.keyId(keyId).encryptionAlgorithm(algorithm)
        .ciphertextBlob(SdkBytes.fromByteArray(tampered))), "InvalidCiphertextException");
  }

  static byte[] encryptOutside(String spec, String algorithm, byte[] publicKeyDer, byte[] plaintext) throws Exception {
    PublicKey key = Independent.publicKey(spec, publicKeyDer);
    if (algorithm.equals("SM2PKE")) {
      // GB/T 32918.4 with the C1 || C3 || C2 layout, BouncyCastle's lightweight engine.
      org.bouncycastle.crypto.engines.SM2Engine sm2 =
          new org.bouncycastle.crypto.engines.SM2Engine(org.bouncycastle.crypto.engines.SM2Engine.Mode.C1C3C2);
      sm2.init(true, new org.bouncycastle.crypto.params.ParametersWithRandom(
          org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil.generatePublicKeyParameter(key),
          new java.security.SecureRandom()));
      return sm2.processBlock(plaintext, 0, plaintext.length);
    }
    String hash = algorithm.endsWith("SHA_1") ? "SHA-1" : "SHA-256";
    Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
    oaep.init(Cipher.ENCRYPT_MODE, key,
        new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), PSource.PSpecified.DEFAULT));
    return oaep.doFinal(plaintext);
  }

  @Test
  void algorithmAndKeyIdRules() {
    String rsa = keys.of("RSA_2048", "ENCRYPT_DECRYPT");
    SdkBytes data = SdkBytes.fromUtf8String("data");
    // AWS text quoted in zalando/spring-cloud-config-aws-kms issue 82 (Encrypt without EncryptionAlgorithm).
    Errors.expect(() -> kms.encrypt(r -> r.keyId(rsa).plaintext(data)), "InvalidKeyUsageException",
        "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.");
    Errors.expect(() -> kms.encrypt(r -> r.keyId(rsa).plaintext(data).encryptionAlgorithm("SM2PKE")),
        "InvalidKeyUsageException", "Algorithm SM2PKE is incompatible with key spec RSA_2048.");
    String symmetric = kms.createKey(r -> r.description("symmetric")).keyMetadata().keyId();
    Errors.expect(() -> kms.encrypt(r -> r.keyId(symmetric).plaintext(data).encryptionAlgorithm("RSAES_OAEP_SHA_1")),
        "InvalidKeyUsageException", "Algorithm RSAES_OAEP_SHA_1 is incompatible with key spec SYMMETRIC_DEFAULT.");
    byte[] blob = kms.encrypt(r -> r.keyId(rsa).plaintext(data).encryptionAlgorithm("RSAES_OAEP_SHA_256"))
        .ciphertextBlob().asByteArray();
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob))
        .encryptionAlgorithm("RSAES_OAEP_SHA_256")), "ValidationException",
        "KeyId is required to decrypt with EncryptionAlgorithm RSAES_OAEP_SHA_256.");
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob))), "InvalidCiphertextException");
    Errors.expect(() -> kms.decrypt(r -> r.keyId(rsa).ciphertextBlob(SdkBytes.fromByteArray(blob))
        .encryptionAlgorithm("RSAES_OAEP_SHA_1")), "InvalidCiphertextException");
    Errors.expect(() -> kms.encrypt(r -> r.keyId(rsa).plaintext(data).encryptionAlgorithm("RSAES_OAEP_SHA_256")
        .encryptionContext(Map.of("k", "v"))), "ValidationException",
        "EncryptionContext is not supported with key spec RSA_2048; only symmetric encryption keys take one.");
    Errors.expect(() -> kms.encrypt(r -> r.keyId(rsa).plaintext(data).encryptionAlgorithm("RSAES_OAEP_SHA_256")
        .dryRun(true)), "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
    String signing = keys.of("RSA_2048", "SIGN_VERIFY");
    // Recorded form: LocalStack snapshot test_error_messaging_for_invalid_keys ("encrypt-invalid-key-id").
    Errors.expect(() -> kms.encrypt(r -> r.keyId(signing).plaintext(data).encryptionAlgorithm("RSAES_OAEP_SHA_256")),
        "InvalidKeyUsageException", Keys.arn(signing) + " key usage is SIGN_VERIFY which is not valid for Encrypt.");
  }

  @Test
  void reEncryptCrossesKeyTypes() {
    String rsa = keys.of("RSA_2048", "ENCRYPT_DECRYPT");
    String sm2 = keys.of("SM2", "ENCRYPT_DECRYPT");
    String symmetric = kms.createKey(r -> r.description("symmetric")).keyMetadata().keyId();
    SdkBytes data = SdkBytes.fromUtf8String("moves between keys");
    SdkBytes rsaBlob = kms.encrypt(r -> r.keyId(rsa).plaintext(data).encryptionAlgorithm("RSAES_OAEP_SHA_256"))
        .ciphertextBlob();
    var toSymmetric = kms.reEncrypt(r -> r.ciphertextBlob(rsaBlob).sourceKeyId(rsa)
        .sourceEncryptionAlgorithm("RSAES_OAEP_SHA_256").destinationKeyId(symmetric)
        .destinationEncryptionContext(Map.of("purpose", "test")));
    assertThat(toSymmetric.sourceKeyId()).isEqualTo(Keys.arn(rsa));
    assertThat(toSymmetric.sourceEncryptionAlgorithmAsString()).isEqualTo("RSAES_OAEP_SHA_256");
    assertThat(toSymmetric.destinationEncryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
    var toSm2 = kms.reEncrypt(r -> r.ciphertextBlob(toSymmetric.ciphertextBlob())
        .sourceEncryptionContext(Map.of("purpose", "test")).destinationKeyId(sm2).destinationEncryptionAlgorithm("SM2PKE"));
    assertThat(toSm2.keyId()).isEqualTo(Keys.arn(sm2));
    assertThat(kms.decrypt(r -> r.keyId(sm2).encryptionAlgorithm("SM2PKE").ciphertextBlob(toSm2.ciphertextBlob()))
        .plaintext()).isEqualTo(data);
    Errors.expect(() -> kms.reEncrypt(r -> r.ciphertextBlob(rsaBlob).sourceKeyId(rsa).destinationKeyId(symmetric)),
        "InvalidKeyUsageException", "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521",
      "ECC_SECG_P256K1", "SM2", "ECC_NIST_EDWARDS25519"})
  void dataKeyPairsOfEverySpec(String spec) throws Exception {
    String keyId = kms.createKey(r -> r.description("wraps data key pairs")).keyMetadata().keyId();
    Map<String, String> context = Map.of("pair", spec);
    GenerateDataKeyPairResponse pair = kms.generateDataKeyPair(r -> r.keyId(keyId).keyPairSpec(spec)
        .encryptionContext(context));
    assertThat(pair.keyId()).isEqualTo(Keys.arn(keyId));
    assertThat(pair.keyPairSpecAsString()).isEqualTo(spec);
    byte[] pkcs8 = pair.privateKeyPlaintext().asByteArray();
    PrivateKey privateKey = Independent.privateKey(spec, pkcs8);
    PublicKey publicKey = Independent.publicKey(spec, pair.publicKey().asByteArray());
    assertThat(matches(spec, privateKey, publicKey)).as("private and public key belong together").isTrue();
    assertThat(kms.decrypt(r -> r.ciphertextBlob(pair.privateKeyCiphertextBlob()).encryptionContext(context))
        .plaintext().asByteArray()).isEqualTo(pkcs8);
    // Recorded: LocalStack snapshot test_encryption_context_generate_data_key_pair.
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(pair.privateKeyCiphertextBlob())), "InvalidCiphertextException");

    var sealed = kms.generateDataKeyPairWithoutPlaintext(r -> r.keyId(keyId).keyPairSpec(spec));
    PrivateKey unsealed = Independent.privateKey(spec,
        kms.decrypt(r -> r.ciphertextBlob(sealed.privateKeyCiphertextBlob())).plaintext().asByteArray());
    assertThat(matches(spec, unsealed, Independent.publicKey(spec, sealed.publicKey().asByteArray()))).isTrue();
  }

  /** Signs with the private key and verifies with the public key, outside Trent. */
  static boolean matches(String spec, PrivateKey privateKey, PublicKey publicKey) throws Exception {
    String algorithm = spec.startsWith("RSA") ? "RSASSA_PKCS1_V1_5_SHA_256" : spec.equals("SM2") ? "SM2DSA"
        : spec.equals("ECC_NIST_EDWARDS25519") ? "ED25519_SHA_512"
        : spec.equals("ECC_NIST_P384") ? "ECDSA_SHA_384" : spec.equals("ECC_NIST_P521") ? "ECDSA_SHA_512" : "ECDSA_SHA_256";
    java.security.Signature signer = Independent.signature(spec, algorithm);
    signer.initSign(privateKey);
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    java.security.Signature verifier = Independent.signature(spec, algorithm);
    verifier.initVerify(publicKey);
    verifier.update(new byte[] {1, 2, 3});
    return verifier.verify(signature);
  }

  @ParameterizedTest
  @CsvSource({"ECC_NIST_P256,secp256r1,32", "ECC_NIST_P384,secp384r1,48", "ECC_NIST_P521,secp521r1,66", "SM2,sm2p256v1,32"})
  void deriveSharedSecretEqualsTheSecretComputedOutside(String spec, String curve, int length) throws Exception {
    String keyId = keys.of(spec, "KEY_AGREEMENT");
    KeyPairGenerator generator = spec.equals("SM2") ? KeyPairGenerator.getInstance("EC", Independent.BC)
        : KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    KeyPair peer = generator.generateKeyPair();
    var derived = kms.deriveSharedSecret(r -> r.keyId(keyId).keyAgreementAlgorithm("ECDH")
        .publicKey(SdkBytes.fromByteArray(peer.getPublic().getEncoded())));
    assertThat(derived.keyId()).isEqualTo(Keys.arn(keyId));
    assertThat(derived.keyAgreementAlgorithmAsString()).isEqualTo("ECDH");
    assertThat(derived.keyOriginAsString()).isEqualTo("AWS_KMS");

    KeyAgreement outside = spec.equals("SM2") ? KeyAgreement.getInstance("ECDH", Independent.BC)
        : KeyAgreement.getInstance("ECDH");
    outside.init(peer.getPrivate());
    outside.doPhase(Independent.publicKey(spec, kms.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray()), true);
    byte[] expected = outside.generateSecret();
    assertThat(expected).hasSize(length);
    assertThat(derived.sharedSecret().asByteArray()).isEqualTo(expected);
  }

  @Test
  void deriveSharedSecretRefusesWhatIsNotAPeerKeyOfTheCurve() throws Exception {
    String keyId = keys.of("ECC_NIST_P256", "KEY_AGREEMENT");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    byte[] otherCurve = generator.generateKeyPair().getPublic().getEncoded();
    String text = "PublicKey must be a DER-encoded SubjectPublicKeyInfo of a ECC_NIST_P256 public key.";
    Errors.expect(() -> kms.deriveSharedSecret(r -> r.keyId(keyId).keyAgreementAlgorithm("ECDH")
        .publicKey(SdkBytes.fromByteArray(otherCurve))), "ValidationException", text);
    Errors.expect(() -> kms.deriveSharedSecret(r -> r.keyId(keyId).keyAgreementAlgorithm("ECDH")
        .publicKey(SdkBytes.fromUtf8String("-----BEGIN PUBLIC KEY-----"))), "ValidationException", text);
    String signing = keys.of("ECC_NIST_P256", "SIGN_VERIFY");
    Errors.expect(() -> kms.deriveSharedSecret(r -> r.keyId(signing).keyAgreementAlgorithm("ECDH")
        .publicKey(SdkBytes.fromByteArray(otherCurve))), "InvalidKeyUsageException",
        Keys.arn(signing) + " key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.");
    Errors.expect(() -> kms.sign(r -> r.keyId(keyId).signingAlgorithm("ECDSA_SHA_256")
        .message(SdkBytes.fromUtf8String("m"))), "InvalidKeyUsageException",
        Keys.arn(keyId) + " key usage is KEY_AGREEMENT which is not valid for Sign.");
  }
}
