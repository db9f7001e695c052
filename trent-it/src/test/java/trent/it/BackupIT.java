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
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;
import trent.server.Backup;
import trent.server.RootSettings;
import trent.server.StorageSettings;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/**
 * A backup taken from one installation and imported into another answers as the original did:
 * ciphertexts decrypt, MACs verify, aliases, grants and key states are there, imported material
 * keeps its expiration and is recognized on reimport with import parameters taken before the backup. SQLite to SQLite under
 * another root (rewrapped), and SQLite to PostgreSQL when a database is reachable.
 */
class BackupIT {

  record Made(SdkBytes blob, SdkBytes mac, String keyId, String hmacKeyId, String importedKeyId,
      SdkBytes importedBlob, SdkBytes laterToken, byte[] laterWrapped, java.time.Instant validTo,
      String multiRegionKeyId, SdkBytes multiRegionBlob,
      software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse rotationStatus,
      java.util.List<software.amazon.awssdk.services.kms.model.RotationsListEntry> rotations) {}

  static Made fill(KmsClient kms) {
    String keyId = kms.createKey(r -> r.description("backed up")).keyMetadata().keyId();
    kms.createAlias(r -> r.aliasName("alias/backed-up").targetKeyId(keyId));
    kms.createGrant(r -> r.keyId(keyId).granteePrincipal("arn:aws:iam::111122223333:role/app").operationsWithStrings("Decrypt"));
    SdkBytes blob = kms.encrypt(r -> r.keyId("alias/backed-up").plaintext(SdkBytes.fromUtf8String("kept"))
        .encryptionContext(Map.of("a", "b"))).ciphertextBlob();
    // Rotation settings and history: automatic rotation every 180 days, and one rotation on demand.
    kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(180));
    kms.rotateKeyOnDemand(r -> r.keyId(keyId));
    String hmac = kms.createKey(r -> r.keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().keyId();
    SdkBytes mac = kms.generateMac(r -> r.keyId(hmac).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
        .message(SdkBytes.fromUtf8String("m"))).mac();
    kms.disableKey(r -> r.keyId(hmac));
    // Imported material, and import parameters not used yet: both must come through.
    String imported = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
    byte[] material = new byte[32];
    new java.security.SecureRandom().nextBytes(material);
    GetParametersForImportResponse first = kms.getParametersForImport(r -> r.keyId(imported)
        .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048));
    java.time.Instant validTo = java.time.Instant.now().plus(java.time.Duration.ofDays(30))
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    kms.importKeyMaterial(r -> r.keyId(imported).importToken(first.importToken()).validTo(validTo)
        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrap(first, material))));
    SdkBytes importedBlob = kms.encrypt(r -> r.keyId(imported).plaintext(SdkBytes.fromUtf8String("imported")))
        .ciphertextBlob();
    GetParametersForImportResponse later = kms.getParametersForImport(r -> r.keyId(imported)
        .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048));
    // A multi-Region key and its replica in us-west-2: both copies, their material once.
    String mrk = kms.createKey(r -> r.multiRegion(true).description("primary")).keyMetadata().keyId();
    kms.replicateKey(r -> r.keyId(mrk).replicaRegion("us-west-2").description("replica")
        .tags(software.amazon.awssdk.services.kms.model.Tag.builder().tagKey("copy").tagValue("west").build()));
    SdkBytes mrkBlob = kms.encrypt(r -> r.keyId(mrk).plaintext(SdkBytes.fromUtf8String("everywhere")))
        .ciphertextBlob();
    return new Made(blob, mac, keyId, hmac, imported, importedBlob, later.importToken(), wrap(later, material),
        validTo, mrk, mrkBlob, kms.getKeyRotationStatus(r -> r.keyId(keyId)),
        kms.listKeyRotations(r -> r.keyId(keyId)).rotations());
  }

  static byte[] wrap(GetParametersForImportResponse p, byte[] material) {
    try {
      java.security.PublicKey key = java.security.KeyFactory.getInstance("RSA")
          .generatePublic(new java.security.spec.X509EncodedKeySpec(p.publicKey().asByteArray()));
      javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPPadding");
      c.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.OAEPParameterSpec("SHA-256", "MGF1",
          java.security.spec.MGF1ParameterSpec.SHA256, javax.crypto.spec.PSource.PSpecified.DEFAULT));
      return c.doFinal(material);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The replica of the multi-Region key came through: it decrypts the primary's ciphertext in its Region. */
  static void checkReplica(KmsClient west, Made made) {
    var replica = west.describeKey(r -> r.keyId(made.multiRegionKeyId())).keyMetadata();
    assertThat(replica.description()).isEqualTo("replica");
    assertThat(replica.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("REPLICA");
    assertThat(west.listResourceTags(r -> r.keyId(made.multiRegionKeyId())).tags()).hasSize(1);
    assertThat(west.decrypt(r -> r.ciphertextBlob(made.multiRegionBlob())).plaintext().asUtf8String())
        .isEqualTo("everywhere");
  }

  static void check(KmsClient kms, Made made) {
    var primary = kms.describeKey(r -> r.keyId(made.multiRegionKeyId())).keyMetadata();
    assertThat(primary.multiRegionConfiguration().replicaKeys()).extracting(k -> k.region())
        .containsExactly("us-west-2");
    assertThat(kms.decrypt(r -> r.ciphertextBlob(made.multiRegionBlob())).plaintext().asUtf8String())
        .isEqualTo("everywhere");
    assertThat(kms.decrypt(r -> r.ciphertextBlob(made.blob()).encryptionContext(Map.of("a", "b"))).plaintext().asUtf8String())
        .isEqualTo("kept");
    assertThat(kms.describeKey(r -> r.keyId("alias/backed-up")).keyMetadata().keyId()).isEqualTo(made.keyId());
    assertThat(kms.listGrants(r -> r.keyId(made.keyId())).grants()).hasSize(1);
    var rotationStatus = kms.getKeyRotationStatus(r -> r.keyId(made.keyId()));
    assertThat(rotationStatus.keyRotationEnabled()).isTrue();
    assertThat(rotationStatus.rotationPeriodInDays()).isEqualTo(180);
    assertThat(rotationStatus.nextRotationDate()).isEqualTo(made.rotationStatus().nextRotationDate());
    assertThat(kms.listKeyRotations(r -> r.keyId(made.keyId())).rotations()).hasSize(1)
        .isEqualTo(made.rotations());
    assertThat(kms.describeKey(r -> r.keyId(made.hmacKeyId())).keyMetadata().keyStateAsString()).isEqualTo("Disabled");
    kms.enableKey(r -> r.keyId(made.hmacKeyId()));
    assertThat(kms.verifyMac(r -> r.keyId(made.hmacKeyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
        .message(SdkBytes.fromUtf8String("m")).mac(made.mac())).macValid()).isTrue();

    var imported = kms.describeKey(r -> r.keyId(made.importedKeyId())).keyMetadata();
    assertThat(imported.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_EXPIRES);
    assertThat(imported.validTo()).isEqualTo(made.validTo());
    assertThat(kms.decrypt(r -> r.ciphertextBlob(made.importedBlob())).plaintext().asUtf8String()).isEqualTo("imported");
    kms.deleteImportedKeyMaterial(r -> r.keyId(made.importedKeyId()));
    kms.importKeyMaterial(r -> r.keyId(made.importedKeyId()).importToken(made.laterToken())
        .encryptedKeyMaterial(SdkBytes.fromByteArray(made.laterWrapped()))
        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
    assertThat(kms.decrypt(r -> r.ciphertextBlob(made.importedBlob())).plaintext().asUtf8String()).isEqualTo("imported");
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
      try (RunningTrent target = RunningTrent.start(b -> b.dataDir(fresh)); KmsClient kms = target.client();
          KmsClient west = target.client(software.amazon.awssdk.regions.Region.US_WEST_2)) {
        assertThat(fresh.resolve("root.key")).exists();
        check(kms, made);
        checkReplica(west, made);
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
      try (RunningTrent target = RunningTrent.start(b -> b.storage(pg).rootOfTrust(sameRoot)); KmsClient kms = target.client();
          KmsClient west = target.client(software.amazon.awssdk.regions.Region.US_WEST_2)) {
        check(kms, made);
        checkReplica(west, made);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(url, TwoNodesIT.USER, TwoNodesIT.PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
