package trent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.crypto.CryptoException;
import trent.crypto.SecretBytes;
import trent.crypto.keyring.Keyring;
import trent.crypto.keyring.RootOfTrust;
import trent.domain.Scope;
import trent.domain.customkeystore.CustomKeyStores;
import trent.domain.key.KeyMaterialSecrets;
import trent.domain.key.KeyMaterials;
import trent.domain.key.KmsKey;
import trent.policy.PolicyDocument;
import trent.domain.rewrap.WrappedSecret;
import trent.domain.rewrap.WrappedSecretKinds;
import trent.domain.rewrap.WrappedSecrets;
import trent.storage.CustomKeyStoreRecord;
import trent.storage.ImportParametersRecord;
import trent.storage.ImportedMaterialRecord;
import trent.storage.KeyMaterialRecord;
import trent.storage.KeyRecord;
import trent.storage.KeyringTermRecord;
import trent.storage.Storage;
import trent.storage.Transaction;

/**
 * {@link RootRotation} on real stores: every stored secret reads back identical under the new root
 * only once the rotation is finished, under either root while it runs (also after it was
 * interrupted between two pages), and the old root is refused by name afterwards. Key file to key
 * file on SQLite and PostgreSQL, key file to passphrase, key file to PKCS#11 (SoftHSM2).
 */
class RootRotationTest {

  static final String PG_URL = env("TRENT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/trent_test");
  static final String PG_USER = env("TRENT_TEST_PG_USER", "trent");
  static final String PG_PASSWORD = env("TRENT_TEST_PG_PASSWORD", "trent");
  static final int KEYS = 7;
  /**
   * What {@link #addOtherSecrets} adds: a store secret, an import parameters key, a material digest,
   * and the material of a multi-Region key with two copies (shared: one secret).
   */
  static final int OTHER_SECRETS = 4;

  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  /** A clock the test moves; finish's wait for the nodes moves it instead of sleeping. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private TrentConfig config(RootSettings root) {
    return config(new StorageSettings.Sqlite(null), root);
  }

  private TrentConfig config(StorageSettings storage, RootSettings root) {
    return TrentConfig.builder().port(0).dataDir(dir.resolve("data")).storage(storage).rootOfTrust(root)
        .clock(clock).cacheRefresh(Duration.ofSeconds(5)).build();
  }

  private RootSettings keyFile(String name) {
    return new RootSettings.KeyFile(dir.resolve(name));
  }

  /** Seeds symmetric and HMAC keys with random material; returns nothing, {@link #secrets} reads them. */
  private void seed(TrentConfig config) {
    StringBuilder yaml = new StringBuilder("keys:\n");
    for (int i = 0; i < KEYS; i++) {
      byte[] material = new byte[32];
      random.nextBytes(material);
      yaml.append("  - id: ").append(UUID.randomUUID()).append('\n')
          .append(i % 3 == 2 ? "    keySpec: HMAC_256\n    keyUsage: GENERATE_VERIFY_MAC\n" : "")
          .append("    material: { hex: ").append(HexFormat.of().formatHex(material)).append(" }\n");
    }
    TrentServer.start(TrentConfig.builder().port(0).dataDir(config.dataDir()).storage(config.storage())
        .rootOfTrust(config.rootOfTrust()).seed(SeedFile.parse("seed.yaml", yaml.toString())).build()).close();
  }

  /**
   * Adds the other kinds of wrapped secret: a custom key store's secret (a CloudHSM password), and
   * for a key of origin EXTERNAL the private key of its import parameters and the digest of its
   * imported material.
   */
  private void addOtherSecrets(TrentConfig config) {
    try (Storage storage = TrentServer.openStorage(config);
        RootOfTrust root = TrentServer.openRoot(config, random)) {
      List<KeyringTermRecord> terms = storage.read(tx -> tx.keyring().list());
      try (Keyring keyring = Keyring.open(root, terms, random);
          SecretBytes password = SecretBytes.copyOf("kmsuser-password".getBytes(StandardCharsets.UTF_8))) {
        String id = "cks-1234567890abcdef0";
        byte[] wrapped = keyring.wrap(password,
            CustomKeyStores.associatedData(new Scope("111122223333", "us-east-1"), id));
        KeyRecord external = new KeyRecord(UUID.randomUUID().toString(), "111122223333", "us-east-1", "", "SYMMETRIC_DEFAULT",
            "ENCRYPT_DECRYPT", "EXTERNAL", "PendingImport", clock.instant(), null, null, false,
            PolicyDocument.defaultKeyPolicyJson("111122223333"), null, 0);
        String arn = new KmsKey(external).arn();
        KeyMaterials materials = new KeyMaterials(keyring, random);
        byte[] privateKey = new byte[48];
        byte[] material = new byte[32];
        random.nextBytes(privateKey);
        random.nextBytes(material);
        String parametersId = "0".repeat(31) + "1";
        String materialId = "a".repeat(64);
        byte[] wrappedKey;
        byte[] wrappedDigest;
        try (SecretBytes pkcs8 = SecretBytes.copyOf(privateKey); SecretBytes m = SecretBytes.copyOf(material)) {
          wrappedKey = materials.wrapImportKey(arn, parametersId, pkcs8);
          wrappedDigest = materials.wrapDigest(arn, materialId, m);
        }
        storage.write(tx -> {
          tx.customKeyStores().insert(new CustomKeyStoreRecord(id, "111122223333", "us-east-1", "hsm-store",
              "AWS_CLOUDHSM", "cluster-1a23b4cdefg", "-----BEGIN CERTIFICATE-----", null, null, null, null, null,
              null, wrapped, "DISCONNECTED", null, clock.instant(), 0));
          tx.keys().insert(external);
          tx.imports().insertParameters(new ImportParametersRecord(parametersId, external.keyId(), "RSAES_OAEP_SHA_256",
              "RSA_2048", wrappedKey, "ab".repeat(32), clock.instant().plus(Duration.ofDays(1)), clock.instant()));
          tx.imports().insertMaterial(new ImportedMaterialRecord(external.keyId(), materialId, "PENDING_IMPORT",
              "KEY_MATERIAL_DOES_NOT_EXPIRE", null, "", wrappedDigest, false, clock.instant(), 0));
          return null;
        });
        String mrkId = "mrk-" + "0123456789abcdef".repeat(2);
        KeyRecord primary = new KeyRecord(mrkId, "111122223333", "us-east-1", "", "SYMMETRIC_DEFAULT",
            "ENCRYPT_DECRYPT", "AWS_KMS", "Enabled", clock.instant(), null, null, true,
            PolicyDocument.defaultKeyPolicyJson("111122223333"), null, 0, null, null, "us-east-1");
        KeyRecord replica = new KeyRecord(mrkId, "111122223333", "eu-west-1", "", "SYMMETRIC_DEFAULT",
            "ENCRYPT_DECRYPT", "AWS_KMS", "Enabled", clock.instant(), null, null, true,
            PolicyDocument.defaultKeyPolicyJson("111122223333"), null, 0, null, null, "us-east-1");
        KeyMaterialRecord shared = materials.create(mrkId, new KmsKey(primary).arn(),
            trent.domain.key.KeySpec.SYMMETRIC_DEFAULT, clock.instant());
        storage.write(tx -> {
          tx.keys().insert(primary);
          tx.keys().insert(replica);
          tx.keyMaterials().insert(shared);
          return null;
        });
      }
    }
  }

  /**
   * Every stored secret, unwrapped under {@code root} (hex, by position), and the term each is
   * wrapped under. Fails when one does not unwrap.
   */
  private Map<String, String> secrets(TrentConfig config, Map<String, Integer> terms) {
    try (Storage storage = TrentServer.openStorage(config);
        RootOfTrust root = TrentServer.openRoot(config, random)) {
      List<KeyringTermRecord> wrappings = storage.read(tx -> {
        List<KeyringTermRecord> all = new ArrayList<>(tx.keyring().list());
        all.addAll(tx.keyring().listIncoming());
        return all;
      });
      Map<String, String> found = new TreeMap<>();
      try (Keyring keyring = Keyring.open(root, wrappings, random)) {
        for (WrappedSecrets kind : WrappedSecretKinds.all()) {
          String cursor = null;
          do {
            String from = cursor;
            WrappedSecrets.Page page = storage.read(tx -> kind.page(tx, from, 3));
            for (WrappedSecret s : page.secrets()) {
              try (SecretBytes plain = keyring.unwrap(s.wrapped(), s.associatedData())) {
                found.put(s.position(), HexFormat.of().formatHex(plain.revealCopy()));
              }
              terms.put(s.position(), Keyring.termOf(s.wrapped()));
            }
            cursor = page.next();
          } while (cursor != null);
        }
      }
      return found;
    }
  }

  private Map<String, String> secrets(TrentConfig config) {
    return secrets(config, new TreeMap<>());
  }

  private RootRotation.Finished finish(TrentConfig config) throws InterruptedException {
    return RootRotation.finish(config, WrappedSecretKinds.all(), clock::advance);
  }

  /** The whole rotation from the key file {@code old.key} to {@code to}, with every check along the way. */
  private void rotatesEverySecret(StorageSettings storage, RootSettings to) throws Exception {
    TrentConfig old = config(storage, keyFile("old.key"));
    TrentConfig next = config(storage, to);
    seed(old);
    addOtherSecrets(old);
    Map<String, String> before = secrets(old);
    assertThat(before).hasSize(KEYS + OTHER_SECRETS).containsKey("cks-1234567890abcdef0")
        .containsKey("parameters/" + "0".repeat(31) + "1");

    RootRotation.Started started = RootRotation.start(old, next);

    assertThat(started.resumed()).isFalse();
    assertThat(started.rotation().term()).isEqualTo(2);
    assertThat(started.rewrap().rewrapped()).isEqualTo(KEYS + OTHER_SECRETS);
    assertThat(started.rewrap().unreadable()).isEmpty();
    Map<String, Integer> terms = new TreeMap<>();
    assertThat(secrets(old, terms)).isEqualTo(before);
    assertThat(terms.values()).containsOnly(2);
    assertThat(secrets(next)).isEqualTo(before);
    // A node starts with either root during the rotation.
    TrentServer.start(old).close();
    TrentServer.start(next).close();

    RootRotation.Finished finished = finish(next);

    assertThat(finished.rotation()).contains(started.rotation());
    assertThat(finished.rewrap().current()).isEqualTo(KEYS + OTHER_SECRETS);
    assertThat(secrets(next)).isEqualTo(before);
    assertThatThrownBy(() -> secrets(old)).isInstanceOf(CryptoException.class)
        .hasMessageContaining("was wrapped by root of trust " + started.rotation().toRootId())
        .hasMessageContaining("this server's root of trust is " + started.rotation().fromRootId());
    assertThatThrownBy(() -> TrentServer.start(old)).isInstanceOf(CryptoException.class)
        .hasMessageContaining("keyring term 1 was wrapped by root of trust " + started.rotation().toRootId()
            + ", but this server's root of trust is " + started.rotation().fromRootId())
        .hasMessageContaining("retired by a root rotation (trent root rotate)");
    TrentServer.start(next).close();
    assertThat(finish(next).rotation()).isEmpty();
  }

  @Test
  void keyFileToKeyFileOnSqlite() throws Exception {
    rotatesEverySecret(new StorageSettings.Sqlite(null), keyFile("new.key"));
  }

  @Test
  void keyFileToPassphrase() throws Exception {
    rotatesEverySecret(new StorageSettings.Sqlite(null),
        new RootSettings.Passphrase(dir.resolve("root.pass"), () -> "correct horse battery staple".toCharArray()));
  }

  @Test
  void keyFileToPkcs11() throws Exception {
    Path library = SoftHsm.library();
    rotatesEverySecret(new StorageSettings.Sqlite(null), new RootSettings.Pkcs11(library, SoftHsm.TOKEN,
        () -> SoftHsm.PIN.toCharArray(), "root-" + UUID.randomUUID(), true));
  }

  @Test
  void keyFileToKeyFileOnPostgres() throws Exception {
    String schema = "rotate_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("PostgreSQL is not reachable at " + PG_URL + " (run .ci/postgres.sh)", e);
      }
      Assumptions.abort("PostgreSQL is not reachable at " + PG_URL);
    }
    try {
      rotatesEverySecret(new StorageSettings.Postgres(PG_URL + "?currentSchema=" + schema, PG_USER, PG_PASSWORD, 2),
          keyFile("new.key"));
    } finally {
      try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /** Key material, one key per page, failing on the {@code failOn}-th replacement: a kill between pages. */
  static final class InterruptedKeyMaterial implements WrappedSecrets {
    private final KeyMaterialSecrets delegate = new KeyMaterialSecrets();
    private final AtomicInteger replaced = new AtomicInteger();
    private final int failOn;

    InterruptedKeyMaterial(int failOn) {
      this.failOn = failOn;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public Page page(Transaction tx, String cursor, int limit) {
      return delegate.page(tx, cursor, 1);
    }

    @Override
    public boolean replace(Transaction tx, WrappedSecret secret, byte[] rewrapped) {
      boolean done = delegate.replace(tx, secret, rewrapped);
      if (replaced.incrementAndGet() == failOn) {
        throw new IllegalStateException("killed");
      }
      return done;
    }
  }

  @Test
  void anInterruptedRotationLeavesEverySecretReadableUnderEitherRootAndResumes() throws Exception {
    TrentConfig old = config(keyFile("old.key"));
    TrentConfig next = config(keyFile("new.key"));
    seed(old);
    Map<String, String> before = secrets(old);

    assertThatThrownBy(() -> RootRotation.start(old, next, List.of(new InterruptedKeyMaterial(4))))
        .hasMessage("killed");

    Map<String, Integer> terms = new TreeMap<>();
    assertThat(secrets(old, terms)).isEqualTo(before);
    assertThat(terms.values()).containsOnly(1, 2).contains(1).contains(2);
    assertThat(terms.values().stream().filter(t -> t == 2)).hasSize(3);
    assertThat(secrets(next)).isEqualTo(before);
    RootRotation.Status status = RootRotation.status(old, WrappedSecretKinds.all());
    assertThat(status.rotation()).isPresent();
    assertThat(status.secretsByTerm().get("key material versions")).isEqualTo(Map.of(1, KEYS - 3, 2, 3));
    // A rotation to a third root is refused while this one is in progress.
    assertThatThrownBy(() -> RootRotation.start(old, config(keyFile("third.key"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is in progress").hasMessageContaining("abort it (--abort");

    RootRotation.Started resumed = RootRotation.start(old, next);

    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.rewrap().rewrapped()).isEqualTo(KEYS - 3);
    assertThat(resumed.rewrap().current()).isEqualTo(3);
    terms.clear();
    assertThat(secrets(next, terms)).isEqualTo(before);
    assertThat(terms.values()).containsOnly(2);
    finish(next);
    assertThat(secrets(next)).isEqualTo(before);
    assertThatThrownBy(() -> secrets(old)).isInstanceOf(CryptoException.class);
  }

  @Test
  void finishWaitsForTheNodesToLoadTheNewTermAndSweepsWhatTheyWroteUnderTheOldOne() throws Exception {
    TrentConfig old = config(keyFile("old.key"));
    TrentConfig next = config(keyFile("new.key"));
    seed(old);
    RootRotation.start(old, next);
    // A node that has not loaded term 2 yet writes new material under term 1.
    TrentConfig oldWithSeed = TrentConfig.builder().port(0).dataDir(old.dataDir()).rootOfTrust(old.rootOfTrust())
        .build();
    try (Storage storage = TrentServer.openStorage(oldWithSeed);
        RootOfTrust root = TrentServer.openRoot(oldWithSeed, random);
        Keyring all = Keyring.open(root, storage.read(tx -> tx.keyring().list()), random);
        Keyring termOne = Keyring.open(root, storage.read(tx -> tx.keyring().list()).subList(0, 1), random)) {
      WrappedSecret first = storage.read(tx -> new KeyMaterialSecrets().page(tx, null, 1)).secrets().get(0);
      byte[] underOne;
      try (SecretBytes plain = all.unwrap(first.wrapped(), first.associatedData())) {
        underOne = termOne.wrap(plain, first.associatedData());
      }
      assertThat(Keyring.termOf(underOne)).isEqualTo(1);
      boolean replaced = storage.write(tx -> new KeyMaterialSecrets().replace(tx, first, underOne));
      assertThat(replaced).isTrue();
    }
    List<Duration> waits = new ArrayList<>();

    RootRotation.Finished finished = RootRotation.finish(next, WrappedSecretKinds.all(), d -> {
      waits.add(d);
      clock.advance(d);
    });

    assertThat(waits).containsExactly(Duration.ofSeconds(10));
    assertThat(finished.rewrap().rewrapped()).isEqualTo(1);
    assertThat(finished.rewrap().current()).isEqualTo(KEYS - 1);
    Map<String, Integer> terms = new TreeMap<>();
    secrets(next, terms);
    assertThat(terms.values()).containsOnly(2);
  }

  @Test
  void theWrongRootIsRefusedByNameAndNothingIsWritten() throws Exception {
    TrentConfig old = config(keyFile("old.key"));
    TrentConfig next = config(keyFile("new.key"));
    seed(old);

    assertThatThrownBy(() -> RootRotation.start(old, old)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the new root of trust is the current one");
    TrentConfig stranger = config(keyFile("stranger.key"));
    TrentServer.openRoot(stranger, random).close();
    assertThatThrownBy(() -> RootRotation.start(stranger, next)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyring term 1 was wrapped by root of trust");
    assertThat(RootRotation.status(old, WrappedSecretKinds.all()).rotation()).isEmpty();

    RootRotation.start(old, next);
    assertThatThrownBy(() -> finish(old)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is the one it retires: finish it with the new root's configuration");
    assertThatThrownBy(() -> RootRotation.abort(next)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not its old root");
    assertThatThrownBy(() -> RootRotation.start(next, old)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("this configuration's root of trust is its new root");
  }

  @Test
  void anAbortedRotationLeavesTheOldRootAloneInCharge() throws Exception {
    TrentConfig old = config(keyFile("old.key"));
    TrentConfig next = config(keyFile("new.key"));
    seed(old);
    Map<String, String> before = secrets(old);
    RootRotation.start(old, next);

    assertThat(RootRotation.abort(old)).isPresent();

    assertThat(secrets(old)).isEqualTo(before);
    assertThatThrownBy(() -> secrets(next)).isInstanceOf(CryptoException.class);
    assertThat(RootRotation.abort(old)).isEmpty();
    // A later rotation starts afresh, with another term.
    assertThat(RootRotation.start(old, next).rotation().term()).isEqualTo(3);
  }

  @Test
  void aBackupTakenDuringARotationImportsUnderEitherRoot() throws Exception {
    TrentConfig old = config(keyFile("old.key"));
    TrentConfig next = config(keyFile("new.key"));
    seed(old);
    Map<String, String> before = secrets(old);
    RootRotation.start(old, next);
    ByteArrayOutputStream backup = new ByteArrayOutputStream();
    Backup.export(old, backup);
    assertThat(backup.toString()).contains("\"rootRotation\"");

    for (TrentConfig target : List.of(
        TrentConfig.builder().dataDir(dir.resolve("restored-new")).rootOfTrust(next.rootOfTrust()).build(),
        TrentConfig.builder().dataDir(dir.resolve("restored-old")).rootOfTrust(old.rootOfTrust()).build())) {
      Backup.importInto(target, new ByteArrayInputStream(backup.toByteArray()), null);
      assertThat(secrets(target)).isEqualTo(before);
      assertThat(RootRotation.status(target, WrappedSecretKinds.all()).rotation()).isEmpty();
    }
  }
}
