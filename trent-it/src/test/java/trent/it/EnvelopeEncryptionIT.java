package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/** The data plane through the real AWS SDK for Java v2: data keys, Encrypt, Decrypt, ReEncrypt, GenerateRandom. */
class EnvelopeEncryptionIT {

  static RunningTrent trent;
  static KmsClient kms;
  static String keyId;
  static String keyArn;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode();
    kms = trent.client();
    keyId = kms.createKey(r -> r.description("envelope")).keyMetadata().keyId();
    keyArn = "arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":key/" + keyId;
    kms.createAlias(r -> r.aliasName("alias/envelope").targetKeyId(keyId));
  }

  @AfterAll
  static void stop() throws Exception {
    kms.close();
    trent.close();
  }

  /**
   * The seed's story: a control plane that may only ask for encrypted data keys, a data plane that
   * decrypts one and encrypts its payload locally with AES-GCM.
   */
  @Test
  void controlPlaneGetsOnlyTheEncryptedKeyAndTheDataPlaneEncryptsLocally() throws Exception {
    Map<String, String> context = Map.of("tenant", "acme", "volume", "vol-1");
    GenerateDataKeyWithoutPlaintextResponse issued = kms.generateDataKeyWithoutPlaintext(
        r -> r.keyId("alias/envelope").keySpec(DataKeySpec.AES_256).encryptionContext(context));
    assertThat(issued.sdkFields()).noneMatch(f -> f.memberName().equals("Plaintext"));
    assertThat(issued.keyId()).isEqualTo(keyArn);
    assertThat(issued.keyMaterialId()).matches("[0-9a-f]{64}");
    SdkBytes storedWithContainer = issued.ciphertextBlob();

    byte[] dataKey = kms.decrypt(r -> r.ciphertextBlob(storedWithContainer).encryptionContext(context)).plaintext().asByteArray();
    assertThat(dataKey).hasSize(32);
    byte[] iv = new byte[12];
    new SecureRandom().nextBytes(iv);
    Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
    encrypt.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(128, iv));
    byte[] sealedPayload = encrypt.doFinal("the container's data".getBytes());
    Arrays.fill(dataKey, (byte) 0);

    byte[] again = kms.decrypt(r -> r.ciphertextBlob(storedWithContainer).encryptionContext(context)).plaintext().asByteArray();
    Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
    decrypt.init(Cipher.DECRYPT_MODE, new SecretKeySpec(again, "AES"), new GCMParameterSpec(128, iv));
    assertThat(new String(decrypt.doFinal(sealedPayload))).isEqualTo("the container's data");
  }

  @Test
  void everyKeyIdFormWorksAndTheResponseNamesTheKeyArn() {
    for (String form : List.of(keyId, keyArn, "alias/envelope", "arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":alias/envelope")) {
      GenerateDataKeyWithoutPlaintextResponse r = kms.generateDataKeyWithoutPlaintext(b -> b.keyId(form).numberOfBytes(16));
      assertThat(r.keyId()).as(form).isEqualTo(keyArn);
      DecryptResponse d = kms.decrypt(b -> b.ciphertextBlob(r.ciphertextBlob()));
      assertThat(d.keyId()).isEqualTo(keyArn);
      assertThat(d.plaintext().asByteArray()).hasSize(16);
      assertThat(d.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
      assertThat(d.keyMaterialId()).isEqualTo(r.keyMaterialId());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 32, 64, 1024})
  void numberOfBytesGivesThatManyBytes(int n) {
    GenerateDataKeyResponse r = kms.generateDataKey(b -> b.keyId(keyId).numberOfBytes(n));
    assertThat(r.plaintext().asByteArray()).hasSize(n);
    assertThat(kms.decrypt(b -> b.ciphertextBlob(r.ciphertextBlob())).plaintext()).isEqualTo(r.plaintext());
  }

  @Test
  void keySpecsGiveSixteenAndThirtyTwoBytes() {
    assertThat(kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_128)).plaintext().asByteArray()).hasSize(16);
    assertThat(kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)).plaintext().asByteArray()).hasSize(32);
  }

  @Test
  void encryptAndDecryptRoundTripWithContextInAnyOrder() {
    SdkBytes plaintext = SdkBytes.fromUtf8String("secret message");
    EncryptResponse e = kms.encrypt(r -> r.keyId("alias/envelope").plaintext(plaintext)
        .encryptionContext(Map.of("a", "1", "b", "2", "c", "3")));
    assertThat(e.keyId()).isEqualTo(keyArn);
    assertThat(e.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
    java.util.LinkedHashMap<String, String> reordered = new java.util.LinkedHashMap<>();
    reordered.put("c", "3");
    reordered.put("a", "1");
    reordered.put("b", "2");
    assertThat(kms.decrypt(r -> r.ciphertextBlob(e.ciphertextBlob()).encryptionContext(reordered)).plaintext()).isEqualTo(plaintext);
  }

  @Test
  void aDifferentContextIsAnInvalidCiphertext() {
    SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))
        .encryptionContext(Map.of("purpose", "test", "team", "a"))).ciphertextBlob();
    for (Map<String, String> wrong : List.of(Map.<String, String>of(), Map.of("purpose", "test"),
        Map.of("purpose", "test", "team", "A"), Map.of("purpose", "test", "team", "a", "extra", "1"))) {
      Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(wrong)), "InvalidCiphertextException");
    }
  }

  @Test
  void contextsThatConcatenateAlikeDoNotDecryptEachOther() {
    SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))
        .encryptionContext(Map.of("a", "bc"))).ciphertextBlob();
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("ab", "c"))),
        "InvalidCiphertextException");
  }

  @Test
  void reEncryptMovesACiphertextToAnotherKeyAndContext() {
    String other = kms.createKey(r -> r.description("destination")).keyMetadata().keyId();
    SdkBytes plaintext = SdkBytes.fromUtf8String("moving");
    SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(plaintext).encryptionContext(Map.of("from", "1"))).ciphertextBlob();
    ReEncryptResponse moved = kms.reEncrypt(r -> r.ciphertextBlob(blob).sourceEncryptionContext(Map.of("from", "1"))
        .destinationKeyId(other).destinationEncryptionContext(Map.of("to", "2")));
    assertThat(moved.sourceKeyId()).isEqualTo(keyArn);
    assertThat(moved.keyId()).endsWith(other);
    assertThat(moved.sourceKeyMaterialId()).matches("[0-9a-f]{64}");
    assertThat(moved.destinationKeyMaterialId()).matches("[0-9a-f]{64}").isNotEqualTo(moved.sourceKeyMaterialId());
    DecryptResponse d = kms.decrypt(r -> r.ciphertextBlob(moved.ciphertextBlob()).encryptionContext(Map.of("to", "2")));
    assertThat(d.plaintext()).isEqualTo(plaintext);
    assertThat(d.keyId()).endsWith(other);
    Errors.expect(() -> kms.reEncrypt(r -> r.ciphertextBlob(blob).sourceEncryptionContext(Map.of("from", "1"))
        .sourceKeyId(other).destinationKeyId(other)), "IncorrectKeyException",
        "The key ID in the request does not identify a CMK that can perform this operation.");
  }

  @Test
  void decryptWithTheWrongKeyIdIsAnIncorrectKey() {
    String other = kms.createKey(r -> r.description("other")).keyMetadata().keyId();
    SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(blob).keyId(other)), "IncorrectKeyException",
        "The key ID in the request does not identify a CMK that can perform this operation.");
    assertThat(kms.decrypt(r -> r.ciphertextBlob(blob).keyId("alias/envelope")).keyId()).isEqualTo(keyArn);
  }

  @Test
  void generateRandomGivesTheBytesAskedFor() {
    assertThat(kms.generateRandom(r -> r.numberOfBytes(1)).plaintext().asByteArray()).hasSize(1);
    assertThat(kms.generateRandom(r -> r.numberOfBytes(1024)).plaintext().asByteArray()).hasSize(1024);
    Errors.expect(() -> kms.generateRandom(r -> { }), "ValidationException", "NumberOfBytes is required.");
    Errors.expect(() -> kms.generateRandom(r -> r.numberOfBytes(0)), "ValidationException",
        "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1");
    Errors.expect(() -> kms.generateRandom(r -> r.numberOfBytes(1025)), "ValidationException",
        "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024");
  }
}
