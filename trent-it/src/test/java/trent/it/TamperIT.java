package trent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import trent.protocol.Identity;

/**
 * Misuse and tampering beyond a flipped bit (CiphertextFormat's own tests cover those): ciphertexts
 * taken to another key, Region or account; wrapped key material moved between keys inside the
 * SQLite database; a data directory opened under another root of trust.
 */
class TamperIT {

  static final byte[] PLAINTEXT = "tamper-evident plaintext".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @Test
  void aCiphertextNamingAnotherKeyIsRefused() throws Exception {
    try (RunningTrent trent = RunningTrent.developmentMode(); KmsClient kms = trent.client()) {
      String a = kms.createKey(r -> r.description("a")).keyMetadata().keyId();
      String b = kms.createKey(r -> r.description("b")).keyMetadata().keyId();
      SdkBytes blob = kms.encrypt(r -> r.keyId(a).plaintext(SdkBytes.fromByteArray(PLAINTEXT))).ciphertextBlob();
      // AWS: Decrypt with a KeyId other than the ciphertext's is IncorrectKeyException.
      Errors.expect(() -> kms.decrypt(r -> r.keyId(b).ciphertextBlob(blob)), "IncorrectKeyException");
      // Rewriting the key id inside the blob to B's: the header is authenticated, so it cannot open.
      byte[] moved = blob.asByteArray();
      byte[] bBlob = kms.encrypt(r -> r.keyId(b).plaintext(SdkBytes.fromByteArray(PLAINTEXT))).ciphertextBlob().asByteArray();
      System.arraycopy(bBlob, 1, moved, 1, 1 + 16 + 32); // kind, key id, key material id
      Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(moved))), "InvalidCiphertextException");
    }
  }

  @Test
  void aCiphertextTakenToAnotherRegionIsRefused() throws Exception {
    try (RunningTrent trent = RunningTrent.developmentMode(); KmsClient east = trent.client();
        KmsClient west = trent.client(Region.EU_WEST_1)) {
      String key = east.createKey(r -> r.description("east")).keyMetadata().keyId();
      SdkBytes blob = east.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromByteArray(PLAINTEXT))).ciphertextBlob();
      KmsException e = catchThrowableOfType(KmsException.class, () -> west.decrypt(r -> r.ciphertextBlob(blob)));
      assertThat(e).as("decrypting an us-east-1 ciphertext in eu-west-1").isNotNull();
      System.out.println("TamperIT: other Region -> " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
      assertThat(e.awsErrorDetails().errorCode()).isIn("InvalidCiphertextException", "NotFoundException");
      assertThat(e.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void aCiphertextTakenToAnotherAccountIsRefused() throws Exception {
    List<Identity> identities = List.of(
        new Identity("AKIDALICE", "alice-secret", "111122223333", "arn:aws:iam::111122223333:root"),
        new Identity("AKIDMALLORY", "mallory-secret", "444455556666", "arn:aws:iam::444455556666:root"));
    try (RunningTrent trent = RunningTrent.withIdentities(identities);
        KmsClient alice = trent.client(Region.US_EAST_1, "AKIDALICE", "alice-secret");
        KmsClient mallory = trent.client(Region.US_EAST_1, "AKIDMALLORY", "mallory-secret")) {
      String key = alice.createKey(r -> r.description("alice")).keyMetadata().keyId();
      SdkBytes blob = alice.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromByteArray(PLAINTEXT))
          .encryptionContext(Map.of("owner", "alice"))).ciphertextBlob();
      KmsException e = catchThrowableOfType(KmsException.class,
          () -> mallory.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("owner", "alice"))));
      assertThat(e).as("another account decrypting").isNotNull();
      System.out.println("TamperIT: other account -> " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
      assertThat(e.awsErrorDetails().errorCode()).isIn("AccessDeniedException", "InvalidCiphertextException", "NotFoundException");
      // And naming the key by ARN does not help.
      String arn = "arn:aws:kms:us-east-1:111122223333:key/" + key;
      KmsException byArn = catchThrowableOfType(KmsException.class,
          () -> mallory.decrypt(r -> r.keyId(arn).ciphertextBlob(blob).encryptionContext(Map.of("owner", "alice"))));
      assertThat(byArn).isNotNull();
      assertThat(byArn.awsErrorDetails().errorCode()).isIn("AccessDeniedException", "InvalidCiphertextException", "NotFoundException");
    }
  }

  @Test
  void wrappedMaterialMovedToAnotherKeyInTheDatabaseNeverDecrypts() throws Exception {
    try (RunningTrent trent = RunningTrent.developmentMode()) {
      String a;
      String b;
      SdkBytes blobA;
      try (KmsClient kms = trent.client()) {
        a = kms.createKey(r -> r.description("a")).keyMetadata().keyId();
        b = kms.createKey(r -> r.description("b")).keyMetadata().keyId();
        blobA = kms.encrypt(r -> r.keyId(a).plaintext(SdkBytes.fromByteArray(PLAINTEXT))).ciphertextBlob();
      }
      trent.server().close();
      // Give A the wrapped material of B (the material id stays A's, so the blob still finds it).
      String url = "jdbc:sqlite:" + trent.dataDir.resolve("trent.db");
      try (Connection c = DriverManager.getConnection(url)) {
        byte[] wrappedB;
        try (PreparedStatement ps = c.prepareStatement("SELECT wrapped_material FROM key_materials WHERE key_id = ?")) {
          ps.setString(1, b);
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            wrappedB = rs.getBytes(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE key_materials SET wrapped_material = ? WHERE key_id = ?")) {
          ps.setBytes(1, wrappedB);
          ps.setString(2, a);
          assertThat(ps.executeUpdate()).isEqualTo(1);
        }
      }
      trent.start();
      try (KmsClient kms = trent.client()) {
        KmsException e = catchThrowableOfType(KmsException.class, () -> kms.decrypt(r -> r.ciphertextBlob(blobA)));
        assertThat(e).as("decrypt with moved material").isNotNull();
        // The record's AAD names its key: unwrapping fails, a server fault, never other data.
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMSInternalException");
        assertThat(e.statusCode()).isEqualTo(500);
        assertThatThrownBy(() -> kms.encrypt(r -> r.keyId(a).plaintext(SdkBytes.fromByteArray(PLAINTEXT))))
            .isInstanceOf(KmsException.class);
        // B is untouched.
        kms.encrypt(r -> r.keyId(b).plaintext(SdkBytes.fromByteArray(PLAINTEXT)));
      }
    }
  }

  @Test
  void aDataDirectoryOpenedWithAnotherRootKeyRefusesToStart() throws Exception {
    try (RunningTrent trent = RunningTrent.developmentMode(); RunningTrent other = RunningTrent.developmentMode()) {
      try (KmsClient kms = trent.client()) {
        kms.createKey(r -> r.description("under the first root"));
      }
      trent.server().close();
      Path root = trent.dataDir.resolve("root.key");
      byte[] original = Files.readAllBytes(root);
      Files.copy(other.dataDir.resolve("root.key"), root, StandardCopyOption.REPLACE_EXISTING);
      assertThatThrownBy(trent::start)
          .hasMessageContaining("was wrapped by root of trust")
          .hasMessageContaining("but this server's root of trust is");
      // With its own root back, the data directory opens and its key is there.
      Files.write(root, original);
      trent.start();
      try (KmsClient kms = trent.client()) {
        assertThat(kms.listKeys().keys()).hasSize(1);
      }
    }
  }
}
