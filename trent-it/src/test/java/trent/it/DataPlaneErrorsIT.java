package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/** What the data plane answers to bad input, wrong key states, dry runs and tampered blobs. */
class DataPlaneErrorsIT {

  static RunningTrent trent;
  static KmsClient kms;
  static String keyId;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode();
    kms = trent.client();
    keyId = kms.createKey(r -> r.description("errors")).keyMetadata().keyId();
  }

  @AfterAll
  static void stop() throws Exception {
    kms.close();
    trent.close();
  }

  static String arn(String id) {
    return "arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":key/" + id;
  }

  @Test
  void keySpecAndNumberOfBytesExactlyOne() {
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId)), "ValidationException",
        "Please specify either number of bytes or key spec.");
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).keySpec("AES_256").numberOfBytes(32)),
        "ValidationException", "Please specify either number of bytes or key spec.");
  }

  @Test
  void modelConstraintsAreValidationExceptions() {
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).numberOfBytes(0)), "ValidationException",
        "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1");
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).numberOfBytes(1025)), "ValidationException",
        "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024");
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).keySpec("AES_512")), "ValidationException",
        "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]");
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keySpec("AES_256")), "ValidationException",
        "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    List<String> eleven = Collections.nCopies(11, "token");
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).keySpec("AES_256").grantTokens(eleven)),
        "ValidationException");
    Errors.expect(() -> kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(new byte[4097]))),
        "ValidationException",
        "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096");
  }

  @Test
  void unknownKeysAreNotFound() {
    String missing = "0f0e0d0c-0b0a-4908-8706-050403020100";
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(missing).keySpec("AES_256")), "NotFoundException",
        "Key '" + arn(missing) + "' does not exist");
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId("not-a-key").keySpec("AES_256")), "NotFoundException",
        "Invalid keyId 'not-a-key'");
    Errors.expect(() -> kms.encrypt(r -> r.keyId("alias/none").plaintext(SdkBytes.fromUtf8String("x"))), "NotFoundException",
        "Alias arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":alias/none is not found.");
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId("arn:aws:kms:eu-west-1:" + RunningTrent.ACCOUNT
        + ":key/" + keyId).keySpec("AES_256")), "NotFoundException", "Invalid arn eu-west-1");
  }

  @Test
  void keyStatesDecide() {
    String id = kms.createKey(r -> r.description("states")).keyMetadata().keyId();
    SdkBytes blob = kms.encrypt(r -> r.keyId(id).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();
    kms.disableKey(r -> r.keyId(id));
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(id).keySpec("AES_256")), "DisabledException",
        arn(id) + " is disabled.");
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(blob)), "DisabledException", arn(id) + " is disabled.");
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(id).keySpec("AES_256").dryRun(true)),
        "DisabledException", arn(id) + " is disabled.");
    kms.scheduleKeyDeletion(r -> r.keyId(id).pendingWindowInDays(7));
    Errors.expect(() -> kms.encrypt(r -> r.keyId(id).plaintext(SdkBytes.fromUtf8String("x"))), "KMSInvalidStateException",
        arn(id) + " is pending deletion.");
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(blob)), "KMSInvalidStateException", arn(id) + " is pending deletion.");
    kms.cancelKeyDeletion(r -> r.keyId(id));
    kms.enableKey(r -> r.keyId(id));
    assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("x");
  }

  @Test
  void dryRunChecksEverythingAndChangesNothing() {
    String text = "The request would have succeeded, but the DryRun option is set.";
    Errors.expect(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).keySpec("AES_256").dryRun(true)),
        "DryRunOperationException", text);
    Errors.expect(() -> kms.generateDataKey(r -> r.keyId(keyId).keySpec("AES_256").dryRun(true)), "DryRunOperationException", text);
    Errors.expect(() -> kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")).dryRun(true)),
        "DryRunOperationException", text);
    SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(blob).dryRun(true)), "DryRunOperationException", text);
    Errors.expect(() -> kms.reEncrypt(r -> r.ciphertextBlob(blob).destinationKeyId(keyId).dryRun(true)),
        "DryRunOperationException", text);
  }

  /** DryRunModifiers is newer than the SDK in use, so these requests go out as raw JSON. */
  @Test
  void aDryRunCanIgnoreTheCiphertext() throws Exception {
    RawHttp http = new RawHttp(trent.server().endpoint());
    String ignore = ",\"DryRun\":true,\"DryRunModifiers\":[\"IGNORE_CIPHERTEXT\"]}";
    assertThat(http.send(http.kms("TrentService.Decrypt", "{\"KeyId\":\"" + keyId + "\"" + ignore).build()).body())
        .contains("DryRunOperationException");
    assertThat(http.send(http.kms("TrentService.Decrypt", "{\"KeyId\":\"alias/missing\"" + ignore).build()).body())
        .contains("NotFoundException");
    assertThat(http.send(http.kms("TrentService.Decrypt", "{" + ignore.substring(1)).build()).body())
        .contains("KeyId is required when DryRunModifiers contains IGNORE_CIPHERTEXT.");
  }

  @Test
  void everySingleByteChangeAndEveryTruncationIsRejected() {
    byte[] blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("tamper me"))
        .encryptionContext(java.util.Map.of("k", "v"))).ciphertextBlob().asByteArray();
    for (int i = 0; i < blob.length; i++) {
      byte[] changed = blob.clone();
      changed[i] ^= 0x01;
      Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(changed))
          .encryptionContext(java.util.Map.of("k", "v"))), "InvalidCiphertextException");
    }
    for (int length = 1; length < blob.length; length++) {
      byte[] truncated = java.util.Arrays.copyOf(blob, length);
      Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(truncated))
          .encryptionContext(java.util.Map.of("k", "v"))), "InvalidCiphertextException");
    }
    byte[] longer = java.util.Arrays.copyOf(blob, blob.length + 1);
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(longer))
        .encryptionContext(java.util.Map.of("k", "v"))), "InvalidCiphertextException");
  }

  @Test
  void junkBlobsAreInvalidCiphertexts() {
    byte[] junk = new byte[6144];
    new java.util.Random(7).nextBytes(junk);
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(junk))), "InvalidCiphertextException");
    byte[] version = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob().asByteArray();
    version[0] = 2;
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(version))), "InvalidCiphertextException");
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(new byte[] {1}))), "InvalidCiphertextException");
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(new byte[0]))), "ValidationException");
  }

  @Test
  void aBlobFromAnotherInstallationIsAnInvalidCiphertext() throws Exception {
    try (RunningTrent other = RunningTrent.developmentMode(); KmsClient otherKms = other.client()) {
      String otherKey = otherKms.createKey(r -> r.description("elsewhere")).keyMetadata().keyId();
      SdkBytes foreign = otherKms.encrypt(r -> r.keyId(otherKey).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();
      Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(foreign)), "InvalidCiphertextException");
    }
  }
}
