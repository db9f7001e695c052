package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Crash safety: {@code trent serve} as a child process, four clients looping CreateKey, Encrypt,
 * CreateAlias, CreateGrant, PutKeyPolicy and ScheduleKeyDeletion, a SIGKILL at a random moment,
 * a restart on the same data, and a check of everything:
 *
 * <ul>
 *   <li>every acknowledged change is there (key, alias target, grant, policy, pending deletion);
 *   <li>nothing is half there: every listed key that is enabled can encrypt (its material exists),
 *       every listed alias names a key that exists, every grant of a key names that key;
 *   <li>every ciphertext acknowledged before any kill decrypts to its plaintext.
 * </ul>
 *
 * <p>After each restart the check covers what was acknowledged since the previous check (and the
 * listings, whole); after the last restart it covers everything acknowledged in the run, so a
 * change lost by any later crash is still found. The kill comes after a random number of
 * acknowledged operations (not after a sleep), so that it always lands among writes, however fast
 * the machine. The children start from a class-data archive made once per run.
 *
 * <p>{@code -Dtrent.it.crashCycles=N} sets the number of kill cycles (10 by default; 100 for the
 * long form). Then the leak scan: no plaintext or data key of the run, raw, base64 or hex, may
 * appear in the child's log output, its audit log, any error message a client received, or the
 * raw bytes of the data directory (SQLite) or the database tables (PostgreSQL).
 */
class CrashLoopIT {

  private static final Pattern ENDPOINT = Pattern.compile("at (http://\\S+)");
  private static final int CLIENTS = 4;

  /** What the clients were told succeeded. Filled concurrently, checked after each restart. */
  static final class Ledger {
    final Map<String, byte[]> ciphertextOf = new ConcurrentHashMap<>();
    final Map<String, byte[]> plaintextOf = new ConcurrentHashMap<>();
    final Map<String, String> aliasTarget = new ConcurrentHashMap<>();
    final Map<String, String> grantKey = new ConcurrentHashMap<>();
    final Map<String, String> policySid = new ConcurrentHashMap<>();
    final Set<String> deletionScheduled = ConcurrentHashMap.newKeySet();
    final java.util.concurrent.atomic.AtomicInteger deletionsChecked = new java.util.concurrent.atomic.AtomicInteger();
    final Set<String> keys = ConcurrentHashMap.newKeySet();
    final Secrets secrets = new Secrets();
    /** What an earlier check found: an incremental check skips it, the final one does not. */
    final Set<String> checkedKeys = new HashSet<>();
    final Set<String> checkedCiphertexts = new HashSet<>();
    final Set<String> checkedGrants = new HashSet<>();
    final Set<String> checkedPolicies = new HashSet<>();
    /** Operations acknowledged in the current cycle; the kill waits for a number of them. */
    private int acknowledged;

    synchronized void acknowledge() {
      acknowledged++;
      notifyAll();
    }

    synchronized void startCycle() {
      acknowledged = 0;
    }

    /** Waits until {@code count} operations of this cycle were acknowledged; false after the timeout. */
    synchronized boolean awaitAcknowledged(int count, long timeoutMillis) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (acknowledged < count) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        wait(left);
      }
      return true;
    }
  }

  record Child(Process process, URI endpoint) {}

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void acknowledgedChangesSurviveSigkillAndNothingIsHalfWritten(String storage) throws Exception {
    int cycles = Integer.getInteger("trent.it.crashCycles", 10);
    Path dir = Files.createTempDirectory("trent-crash-loop");
    Path dataDir = Files.createDirectories(dir.resolve("data"));
    String schema = storage.equals("postgres") ? createSchema() : null;
    Path config = writeConfig(dir, dataDir, schema);
    Ledger ledger = new Ledger();
    List<Path> logs = new ArrayList<>();
    int survived = 0;
    long startNanos = 0;
    long checkNanos = 0;
    long writeNanos = 0;
    try {
      for (int cycle = 0; cycle < cycles; cycle++) {
        Path log = dir.resolve("stderr-" + cycle + ".log");
        logs.add(log);
        long t0 = System.nanoTime();
        Child child = serve(config, log);
        long t1 = System.nanoTime();
        startNanos += t1 - t0;
        try (KmsClient kms = client(child.endpoint())) {
          verify(kms, ledger, false);
          long t2 = System.nanoTime();
          checkNanos += t2 - t1;
          ledger.startCycle();
          AtomicBoolean stop = new AtomicBoolean();
          List<Thread> clients = new ArrayList<>();
          for (int i = 0; i < CLIENTS; i++) {
            Thread t = new Thread(() -> drive(child.endpoint(), ledger, stop), "crash-client-" + i);
            t.start();
            clients.add(t);
          }
          // A random point among the writes: after 1 to 60 acknowledged operations of this cycle.
          int killAfter = ThreadLocalRandom.current().nextInt(1, 61);
          assertThat(ledger.awaitAcknowledged(killAfter, 60_000))
              .as("%d operations acknowledged within 60 s (stderr: %s)", killAfter, log).isTrue();
          child.process().destroyForcibly(); // SIGKILL
          writeNanos += System.nanoTime() - t2;
          assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
          stop.set(true);
          for (Thread t : clients) {
            t.join(30_000);
          }
          survived++;
        } finally {
          child.process().destroyForcibly();
        }
      }
      Path log = dir.resolve("stderr-final.log");
      logs.add(log);
      Child last = serve(config, log);
      try (KmsClient kms = client(last.endpoint())) {
        verify(kms, ledger, true);
      } finally {
        last.process().destroy();
        last.process().waitFor(30, TimeUnit.SECONDS);
      }
      System.out.printf("CrashLoopIT[%s]: %d SIGKILL cycles survived; %d keys, %d ciphertexts, %d aliases, %d grants,"
          + " %d policies, %d deletions acknowledged and found%n", storage, survived, ledger.keys.size(),
          ledger.ciphertextOf.size(), ledger.aliasTarget.size(), ledger.grantKey.size(), ledger.policySid.size(),
          ledger.deletionsChecked.get());
      System.out.printf("CrashLoopIT[%s]: child starts %.1f s, checks after a restart %.1f s, writes until the kill %.1f s%n",
          storage, startNanos / 1e9, checkNanos / 1e9, writeNanos / 1e9);

      // The leak scan over everything the server wrote.
      List<Path> scanned = new ArrayList<>(logs);
      scanned.add(dataDir.resolve("audit.jsonl"));
      try (var files = Files.walk(dataDir)) {
        files.filter(Files::isRegularFile).forEach(scanned::add);
      }
      for (Path file : scanned) {
        if (Files.exists(file)) {
          ledger.secrets.assertAbsentFrom(file.toString(), Files.readAllBytes(file));
        }
      }
      if (schema != null) {
        ledger.secrets.assertAbsentFrom("schema " + schema, dumpSchema(schema));
      }
      ledger.secrets.assertAbsentFromErrors();
      assertThat(Files.size(dataDir.resolve("audit.jsonl"))).as("the audit log was written").isPositive();
    } finally {
      if (schema != null) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /** One client: loops the operations until the server dies, recording what was acknowledged. */
  static void drive(URI endpoint, Ledger ledger, AtomicBoolean stop) {
    SecureRandom random = new SecureRandom();
    try (KmsClient kms = client(endpoint)) {
      while (!stop.get()) {
        String keyId = kms.createKey(r -> r.description("crash")).keyMetadata().keyId();
        ledger.keys.add(keyId);
        ledger.acknowledge();
        byte[] plaintext = new byte[24];
        random.nextBytes(plaintext);
        ledger.secrets.add(plaintext);
        byte[] blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext))
            .encryptionContext(Map.of("cycle", "crash"))).ciphertextBlob().asByteArray();
        ledger.plaintextOf.put(keyId, plaintext);
        ledger.ciphertextOf.put(keyId, blob);
        ledger.acknowledge();
        var dataKey = kms.generateDataKey(r -> r.keyId(keyId).numberOfBytes(32));
        ledger.secrets.add(dataKey.plaintext().asByteArray());
        ledger.acknowledge();
        String alias = "alias/crash-" + UUID.randomUUID();
        kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyId));
        ledger.aliasTarget.put(alias, keyId);
        ledger.acknowledge();
        String grantId = kms.createGrant(r -> r.keyId(keyId)
            .granteePrincipal("arn:aws:iam::111122223333:role/crash").operations(GrantOperation.DECRYPT)).grantId();
        ledger.grantKey.put(grantId, keyId);
        ledger.acknowledge();
        String sid = "crash-" + UUID.randomUUID();
        kms.putKeyPolicy(r -> r.keyId(keyId).policyName("default").policy(policy(sid)));
        ledger.policySid.put(keyId, sid);
        ledger.acknowledge();
        try {
          kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob)).encryptionContext(Map.of("cycle", "wrong")));
        } catch (KmsException e) {
          ledger.secrets.errorMessages.add(String.valueOf(e.getMessage()));
        }
        if (random.nextInt(3) == 0) {
          kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
          ledger.deletionScheduled.add(keyId);
          ledger.acknowledge();
        }
      }
    } catch (RuntimeException e) {
      // The server was killed under this client: whatever was in flight is unacknowledged.
    }
  }

  static String policy(String sid) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
  }

  /**
   * Checks the server against the ledger. The listings (keys, aliases) are checked whole every
   * time; the per-item calls (describe, encrypt, decrypt, grants, policy) only for what no earlier
   * check found, unless {@code everything}.
   */
  static void verify(KmsClient kms, Ledger ledger, boolean everything) {
    List<KeyListEntry> listed = new ArrayList<>();
    kms.listKeysPaginator(r -> r.limit(1000)).keys().forEach(listed::add);
    Set<String> existing = new HashSet<>();
    for (KeyListEntry entry : listed) {
      existing.add(entry.keyId());
    }
    for (KeyListEntry entry : listed) {
      if (!everything && ledger.checkedKeys.contains(entry.keyId())) {
        continue;
      }
      KeyMetadata key = kms.describeKey(r -> r.keyId(entry.keyId())).keyMetadata();
      if (key.keyState() == KeyState.ENABLED) {
        // Its material is there: it can encrypt.
        kms.encrypt(r -> r.keyId(entry.keyId()).plaintext(SdkBytes.fromUtf8String("probe")));
      }
    }
    assertThat(existing).as("every acknowledged key").containsAll(ledger.keys);
    ledger.checkedKeys.addAll(existing);
    for (String keyId : ledger.deletionScheduled) {
      KeyMetadata key = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
      assertThat(key.keyState()).as("acknowledged deletion of %s", keyId).isEqualTo(KeyState.PENDING_DELETION);
    }
    for (Map.Entry<String, byte[]> e : ledger.ciphertextOf.entrySet()) {
      String keyId = e.getKey();
      if (!everything && ledger.checkedCiphertexts.contains(keyId)) {
        continue;
      }
      KeyMetadata key = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
      if (key.keyState() == KeyState.PENDING_DELETION) {
        continue; // checked below, once the deletion is cancelled
      }
      byte[] plaintext = kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(e.getValue()))
          .encryptionContext(Map.of("cycle", "crash"))).plaintext().asByteArray();
      assertThat(plaintext).as("ciphertext under %s", keyId).isEqualTo(ledger.plaintextOf.get(keyId));
      ledger.checkedCiphertexts.add(keyId);
    }
    for (String keyId : ledger.deletionScheduled) {
      // Cancel and re-enable, then the ciphertext must open; the deletion is no longer pending.
      kms.cancelKeyDeletion(r -> r.keyId(keyId));
      kms.enableKey(r -> r.keyId(keyId));
      byte[] blob = ledger.ciphertextOf.get(keyId);
      byte[] plaintext = kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob))
          .encryptionContext(Map.of("cycle", "crash"))).plaintext().asByteArray();
      assertThat(plaintext).isEqualTo(ledger.plaintextOf.get(keyId));
      ledger.checkedCiphertexts.add(keyId);
    }
    ledger.deletionsChecked.addAndGet(ledger.deletionScheduled.size());
    ledger.deletionScheduled.clear();
    List<AliasListEntry> aliases = new ArrayList<>();
    kms.listAliasesPaginator(r -> r.limit(100)).aliases().forEach(aliases::add);
    Map<String, String> aliasTargets = new ConcurrentHashMap<>();
    for (AliasListEntry alias : aliases) {
      if (alias.aliasName().startsWith("alias/crash-")) {
        assertThat(existing).as("target of %s", alias.aliasName()).contains(alias.targetKeyId());
        aliasTargets.put(alias.aliasName(), alias.targetKeyId());
      }
    }
    assertThat(aliasTargets).as("every acknowledged alias").containsAllEntriesOf(ledger.aliasTarget);
    Map<String, String> newGrants = new java.util.HashMap<>(ledger.grantKey);
    if (!everything) {
      newGrants.keySet().removeAll(ledger.checkedGrants);
    }
    Set<String> grants = new HashSet<>();
    for (String keyId : new HashSet<>(newGrants.values())) {
      for (GrantListEntry grant : kms.listGrants(r -> r.keyId(keyId)).grants()) {
        assertThat(grant.keyId()).endsWith(keyId);
        grants.add(grant.grantId());
      }
    }
    assertThat(grants).as("every acknowledged grant").containsAll(newGrants.keySet());
    ledger.checkedGrants.addAll(newGrants.keySet());
    for (Map.Entry<String, String> e : new java.util.HashMap<>(ledger.policySid).entrySet()) {
      if (!everything && ledger.checkedPolicies.contains(e.getKey())) {
        continue;
      }
      assertThat(kms.getKeyPolicy(r -> r.keyId(e.getKey()).policyName("default")).policy()).contains(e.getValue());
      ledger.checkedPolicies.add(e.getKey());
    }
  }

  static Path writeConfig(Path dir, Path dataDir, String schema) throws IOException {
    StringBuilder yaml = new StringBuilder()
        .append("dataDir: ").append(dataDir).append('\n')
        .append("requestLog: true\n")
        .append("audit:\n  file: ").append(dataDir.resolve("audit.jsonl")).append('\n');
    if (schema != null) {
      yaml.append("storage:\n  postgres:\n")
          .append("    url: ").append(TwoNodesIT.URL).append("?currentSchema=").append(schema).append('\n')
          .append("    user: ").append(TwoNodesIT.USER).append('\n')
          .append("    password: ").append(TwoNodesIT.PASSWORD).append('\n')
          .append("    poolSize: 4\n");
    }
    Path config = dir.resolve("trent.yaml");
    Files.writeString(config, yaml);
    return config;
  }

  /** The children's class-data archive, made by the first child start of the run; null if none could be made. */
  private static Path archive;
  private static boolean archiveTried;

  /**
   * The JVM options of a child: C1 only and the serial collector (the child starts faster, and
   * starts are much of this test), and the run's class-data archive, made at the first call by a
   * start on a throwaway data dir that exits once ready (-XX:ArchiveClassesAtExit). Without an
   * archive the children start as well, only slower.
   */
  static synchronized List<String> childJvmOptions() throws Exception {
    List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    String jars = jarsOfClassPath();
    if (!archiveTried && !jars.isEmpty()) {
      archiveTried = true;
      Path dir = Files.createTempDirectory("trent-crash-cds");
      Path file = dir.resolve("children.jsa");
      List<String> command = new ArrayList<>(List.of(javaLauncher()));
      command.addAll(options);
      command.addAll(List.of("-XX:ArchiveClassesAtExit=" + file, "-cp", jars,
          "trent.cli.Main", "serve", "--port", "0", "--data-dir", dir.resolve("data").toString(), "--exit-when-ready"));
      Path output = dir.resolve("output");
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.isRegularFile(file)) {
        archive = file;
        file.toFile().deleteOnExit();
      } else {
        p.destroyForcibly();
        System.out.println("CrashLoopIT: no class-data archive for the children (they start without one): "
            + Files.readString(output));
      }
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).filter(f -> !f.equals(file) && !f.equals(dir))
            .forEach(f -> f.toFile().delete());
      }
      dir.toFile().deleteOnExit();
    }
    if (archive != null) {
      options.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-cp", jars));
    } else {
      options.addAll(List.of("-cp", System.getProperty("java.class.path")));
    }
    return options;
  }

  /**
   * The test's class path without its directories (its own classes; a class-data archive refuses
   * a class path with a non-empty directory): the server and its libraries, as jars. The children
   * then log with the CLI's own setup instead of the tests' logback-test.xml, on standard error as
   * before. Empty when no jar holds the CLI (e.g. modules seen as class directories), and then the
   * children get the whole class path and no archive.
   */
  static String jarsOfClassPath() {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
        jars.add(entry);
      }
    }
    boolean hasCli = jars.stream().anyMatch(j -> Path.of(j).getFileName().toString().startsWith("trent-cli"));
    return hasCli ? String.join(java.io.File.pathSeparator, jars) : "";
  }

  private static String javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Child serve(Path config, Path stderr) throws Exception {
    List<String> command = new ArrayList<>(List.of(javaLauncher()));
    command.addAll(childJvmOptions());
    command.addAll(List.of("trent.cli.Main", "serve", "--port", "0", "--config", config.toString()));
    Process process = new ProcessBuilder(command)
        .redirectError(stderr.toFile())
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(60, TimeUnit.SECONDS);
    assertThat(line).as("the line announcing the endpoint (stderr: %s)", stderr).isNotNull();
    Matcher m = ENDPOINT.matcher(line);
    assertThat(m.find()).as("endpoint in: " + line).isTrue();
    // Keep draining standard output so the child never blocks on a full pipe.
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discard
        }
      } catch (IOException e) {
        // the child died
      }
    });
    drain.setDaemon(true);
    drain.start();
    return new Child(process, URI.create(m.group(1)));
  }

  static KmsClient client(URI endpoint) {
    return KmsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static String createSchema() {
    String schema = "crash_" + UUID.randomUUID().toString().replace("-", "");
    try {
      execute("CREATE SCHEMA " + schema);
    } catch (RuntimeException e) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("PostgreSQL is not reachable at " + TwoNodesIT.URL + " (run .ci/postgres.sh)", e);
      }
      Assumptions.abort("PostgreSQL is not reachable at " + TwoNodesIT.URL + "; run .ci/postgres.sh to include this test");
    }
    return schema;
  }

  static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(TwoNodesIT.URL, TwoNodesIT.USER, TwoNodesIT.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row of every table of the schema, each column as its raw bytes where it has them. */
  static byte[] dumpSchema(String schema) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (Connection c = DriverManager.getConnection(TwoNodesIT.URL, TwoNodesIT.USER, TwoNodesIT.PASSWORD);
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (var rs = s.executeQuery("SELECT * FROM " + schema + "." + table)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              byte[] b = rs.getBytes(i);
              if (b != null) {
                out.write(b);
                out.write('\n');
              }
            }
          }
        }
      }
    }
    return out.toByteArray();
  }

  /** Secrets seen by the test side, and the error messages clients received. */
  static final class Secrets {
    final ConcurrentLinkedQueue<byte[]> values = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> errorMessages = new ConcurrentLinkedQueue<>();

    void add(byte[] secret) {
      values.add(secret.clone());
    }

    void assertAbsentFrom(String where, byte[] haystack) {
      String text = new String(haystack, StandardCharsets.ISO_8859_1);
      for (byte[] secret : values) {
        for (String form : LeakForms.of(secret)) {
          assertThat(text.contains(form)).as("a secret (%s form) found in %s", LeakForms.kind(secret, form), where)
              .isFalse();
        }
      }
    }

    void assertAbsentFromErrors() {
      for (String message : errorMessages) {
        assertAbsentFrom("an error message", message.getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
