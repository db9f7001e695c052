package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import trent.server.Backup;
import trent.server.RootSettings;
import trent.server.StorageSettings;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/**
 * A backup taken from one installation and imported into another answers as the original did:
 * ciphertexts decrypt, MACs verify, aliases, grants and key states are there. SQLite to SQLite under
 * another root (rewrapped), and SQLite to PostgreSQL when a database is reachable.
 */
class BackupIT {

  record Made(SdkBytes blob, SdkBytes mac, String keyId, String hmacKeyId) {}

  static Made fill(KmsClient kms) {
    String keyId = kms.createKey(r -> r.description("backed up")).keyMetadata().keyId();
    kms.createAlias(r -> r.aliasName("alias/backed-up").targetKeyId(keyId));
    kms.createGrant(r -> r.keyId(keyId).granteePrincipal("arn:aws:iam::111122223333:role/app").operationsWithStrings("Decrypt"));
    SdkBytes blob = kms.encrypt(r -> r.keyId("alias/backed-up").plaintext(SdkBytes.fromUtf8String("kept"))
        .encryptionContext(Map.of("a", "b"))).ciphertextBlob();
    String hmac = kms.createKey(r -> r.keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().keyId();
    SdkBytes mac = kms.generateMac(r -> r.keyId(hmac).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
        .message(SdkBytes.fromUtf8String("m"))).mac();
    kms.disableKey(r -> r.keyId(hmac));
    return new Made(blob, mac, keyId, hmac);
  }

  static void check(KmsClient kms, Made made) {
    assertThat(kms.decrypt(r -> r.ciphertextBlob(made.blob()).encryptionContext(Map.of("a", "b"))).plaintext().asUtf8String())
        .isEqualTo("kept");
    assertThat(kms.describeKey(r -> r.keyId("alias/backed-up")).keyMetadata().keyId()).isEqualTo(made.keyId());
    assertThat(kms.listGrants(r -> r.keyId(made.keyId())).grants()).hasSize(1);
    assertThat(kms.describeKey(r -> r.keyId(made.hmacKeyId())).keyMetadata().keyStateAsString()).isEqualTo("Disabled");
    kms.enableKey(r -> r.keyId(made.hmacKeyId()));
    assertThat(kms.verifyMac(r -> r.keyId(made.hmacKeyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
        .message(SdkBytes.fromUtf8String("m")).mac(made.mac())).macValid()).isTrue();
  }

  static byte[] export(RunningTrent source) throws Exception {
    source.server().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Backup.export(TrentConfig.builder().dataDir(source.dataDir).build(), out);
    source.start();
    return out.toByteArray();
  }

  @Test
  void sqliteToSqliteUnderAnotherRoot() throws Exception {
    try (RunningTrent source = RunningTrent.developmentMode()) {
      Made made;
      try (KmsClient kms = source.client()) {
        made = fill(kms);
      }
      byte[] backup = export(source);
      TrentConfig from = TrentConfig.builder().rootOfTrust(new RootSettings.KeyFile(source.dataDir.resolve("root.key")))
          .build();
      java.nio.file.Path used = java.nio.file.Files.createTempDirectory("trent-it");
      TrentServer.start(TrentConfig.builder().port(0).dataDir(used).build()).close(); // has a keyring now
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Backup.importInto(
          TrentConfig.builder().dataDir(used).build(), new ByteArrayInputStream(backup), from)))
          .hasMessageContaining("the target store is not empty");

      java.nio.file.Path fresh = java.nio.file.Files.createTempDirectory("trent-it").resolve("data");
      Backup.importInto(TrentConfig.builder().dataDir(fresh).build(), new ByteArrayInputStream(backup), from);
      try (RunningTrent target = RunningTrent.start(b -> b.dataDir(fresh)); KmsClient kms = target.client()) {
        assertThat(fresh.resolve("root.key")).exists();
        check(kms, made);
      }
    }
  }

  @Test
  void sqliteToPostgres() throws Exception {
    String url = TwoNodesIT.URL;
    String schema = "backup_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(url, TwoNodesIT.USER, TwoNodesIT.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("PostgreSQL is not reachable at " + url, e);
      }
      Assumptions.abort("PostgreSQL is not reachable at " + url);
    }
    try (RunningTrent source = RunningTrent.developmentMode()) {
      Made made;
      try (KmsClient kms = source.client()) {
        made = fill(kms);
      }
      byte[] backup = export(source);
      StorageSettings pg = new StorageSettings.Postgres(url + "?currentSchema=" + schema, TwoNodesIT.USER,
          TwoNodesIT.PASSWORD, 2);
      RootSettings sameRoot = new RootSettings.KeyFile(source.dataDir.resolve("root.key"));
      Backup.importInto(TrentConfig.builder().storage(pg).rootOfTrust(sameRoot).build(),
          new ByteArrayInputStream(backup), null);
      try (RunningTrent target = RunningTrent.start(b -> b.storage(pg).rootOfTrust(sameRoot)); KmsClient kms = target.client()) {
        check(kms, made);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(url, TwoNodesIT.USER, TwoNodesIT.PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
