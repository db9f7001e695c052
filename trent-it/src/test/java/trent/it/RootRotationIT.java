package trent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import trent.cli.Main;
import trent.server.RootSettings;
import trent.server.StorageSettings;

/**
 * {@code trent root rotate} and {@code --finish}, the real command, run against the store of
 * serving nodes while clients keep calling them through the AWS SDK: no request fails, the nodes
 * pick up the rotation's keyring term, ciphertexts made before decrypt after, and afterwards a node
 * starts with the new root only. One node on SQLite (the command writes the same file while the
 * node serves); two nodes on PostgreSQL, restarted one at a time with the new root.
 */
class RootRotationIT {

  record Run(int status, String out, String err) {}

  /** Runs the {@code trent} command line in this JVM, as {@code java -jar trent.jar ARGS} would. */
  static Run trent(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    synchronized (RootRotationIT.class) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        int status = new CommandLine(new Main()).execute(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      } finally {
        System.setOut(oldOut);
        System.setErr(oldErr);
      }
    }
  }

  /**
   * Clients calling the nodes in rotation until stopped, each request to the next node of
   * {@code nodes} (a load balancer's pool): Encrypt and Decrypt with keys made before, a
   * ciphertext made before, GenerateDataKeyWithoutPlaintext, and now and then a new key.
   */
  static final class Traffic implements AutoCloseable {
    final AtomicReference<List<KmsClient>> nodes;
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    /** Bumped by {@link #route}; each thread notes the value it saw when it began its current round. */
    private final AtomicInteger poolVersion = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicIntegerArray seenVersion = new java.util.concurrent.atomic.AtomicIntegerArray(2);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    Traffic(List<KmsClient> nodes, List<String> keyIds, SdkBytes before) {
      this.nodes = new AtomicReference<>(List.copyOf(nodes));
      for (int t = 0; t < 2; t++) {
        int thread = t;
        threads.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            seenVersion.set(thread, poolVersion.get());
            try {
              List<KmsClient> pool = this.nodes.get();
              KmsClient kms = pool.get(n++ % pool.size());
              String keyId = keyIds.get(ThreadLocalRandom.current().nextInt(keyIds.size()));
              SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("p" + keyId)))
                  .ciphertextBlob();
              assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("p" + keyId);
              assertThat(kms.decrypt(r -> r.ciphertextBlob(before)).plaintext().asUtf8String()).isEqualTo("before");
              kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256));
              if (n % 10 == 0) {
                String fresh = kms.createKey(r -> r.description("made during the rotation")).keyMetadata().keyId();
                SdkBytes own = kms.encrypt(r -> r.keyId(fresh).plaintext(SdkBytes.fromUtf8String("fresh")))
                    .ciphertextBlob();
                List<KmsClient> now = this.nodes.get();
                KmsClient other = now.get(n % now.size());
                assertThat(other.decrypt(r -> r.ciphertextBlob(own)).plaintext().asUtf8String()).isEqualTo("fresh");
              }
              succeeded.incrementAndGet();
            } catch (Throwable e) {
              failures.add(e);
            }
          }
        });
      }
    }

    /** Waits until {@code count} more rounds succeeded (bounded), so each step is exercised under load. */
    void awaitRounds(int count) throws InterruptedException {
      int target = succeeded.get() + count;
      await(() -> succeeded.get() >= target || !failures.isEmpty(), "traffic rounds");
      if (!failures.isEmpty()) {
        throw new AssertionError("a request failed", failures.get(0));
      }
    }

    /**
     * Replaces the pool and returns once every thread has begun a round with the new one, so no
     * request goes to a node left out any more (the node is drained).
     */
    void route(List<KmsClient> pool) throws InterruptedException {
      int version;
      synchronized (this) {
        nodes.set(List.copyOf(pool));
        version = poolVersion.incrementAndGet();
      }
      await(() -> seenVersion.get(0) >= version && seenVersion.get(1) >= version, "the old pool to drain");
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      threads.shutdown();
      assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  static Path yaml(Path file, String text) throws Exception {
    Files.writeString(file, text);
    return file;
  }

  @Test
  void oneNodeOnSqliteServesThroughTheWholeRotation() throws Exception {
    RunningTrent node = RunningTrent.start(c -> c.cacheRefresh(Duration.ofSeconds(1)));
    boolean serving = true;
    try (KmsClient kms = node.client()) {
      List<String> keyIds = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        keyIds.add(kms.createKey(r -> r.description("before")).keyMetadata().keyId());
      }
      SdkBytes before = kms.encrypt(r -> r.keyId(keyIds.get(0)).plaintext(SdkBytes.fromUtf8String("before")))
          .ciphertextBlob();
      Path dir = Files.createTempDirectory("trent-it-rotate");
      Path newKey = dir.resolve("new.key");
      String common = "dataDir: " + node.dataDir + "\ncache: { refreshSeconds: 1 }\n";
      Path oldConfig = yaml(dir.resolve("old.yaml"), common);
      Path newConfig = yaml(dir.resolve("new.yaml"), common + "rootOfTrust:\n  keyFile: { file: " + newKey + " }\n");

      Run started;
      Run finished;
      Traffic traffic = new Traffic(List.of(kms), keyIds, before);
      try {
        traffic.awaitRounds(10);
        started = trent("root", "rotate", "--config", oldConfig.toString(), "--new-key-file", newKey.toString());
        assertThat(started.status()).as(started.err()).isZero();
        await(() -> node.server().keyringActiveTerm() == 2, "the node to load the new keyring term");
        traffic.awaitRounds(10);
        finished = trent("root", "rotate", "--finish", "--config", newConfig.toString());
        assertThat(finished.status()).as(finished.err()).isZero();
        traffic.awaitRounds(10);
      } finally {
        traffic.close();
      }
      assertThat(traffic.failures).isEmpty();
      assertThat(traffic.succeeded.get()).isGreaterThanOrEqualTo(30);
      assertThat(started.out()).contains("started the root rotation", "new keyring term 2", "rewrapped under term 2");
      assertThat(finished.out()).contains("finished the root rotation");
      Run status = trent("root", "status", "--config", newConfig.toString());
      assertThat(status.out()).contains("no root rotation in progress").doesNotContain("under term 1");

      node.server().close();
      serving = false;
      assertThatThrownBy(node::start).hasMessageContaining("keyring term 1 was wrapped by root of trust keyfile:")
          .hasMessageContaining("retired by a root rotation");
      try (RunningTrent again = RunningTrent.start(c -> c.dataDir(node.dataDir)
              .rootOfTrust(new RootSettings.KeyFile(newKey)));
          KmsClient after = again.client()) {
        assertThat(after.decrypt(r -> r.ciphertextBlob(before)).plaintext().asUtf8String()).isEqualTo("before");
      }
    } finally {
      if (serving) {
        node.server().close();
      }
    }
  }

  @Test
  void twoNodesOnPostgresRestartOneAtATimeWithTheNewRoot() throws Exception {
    String schema = "rotate_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(TwoNodesIT.URL, TwoNodesIT.USER, TwoNodesIT.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("PostgreSQL is not reachable at " + TwoNodesIT.URL + " (run .ci/postgres.sh)", e);
      }
      Assumptions.abort("PostgreSQL is not reachable at " + TwoNodesIT.URL);
    }
    String url = TwoNodesIT.URL + "?currentSchema=" + schema;
    StorageSettings pg = new StorageSettings.Postgres(url, TwoNodesIT.USER, TwoNodesIT.PASSWORD, 4);
    Path dir = Files.createTempDirectory("trent-it-rotate");
    Path oldKey = dir.resolve("old.key");
    Path newKey = dir.resolve("new.key");
    RootSettings oldRoot = new RootSettings.KeyFile(oldKey);
    RootSettings newRoot = new RootSettings.KeyFile(newKey);
    String common = "storage:\n  postgres: { url: \"" + url + "\", user: " + TwoNodesIT.USER + ", password: "
        + TwoNodesIT.PASSWORD + " }\ncache: { refreshSeconds: 1 }\n";
    Path oldConfig = yaml(dir.resolve("old.yaml"), common + "rootOfTrust:\n  keyFile: { file: " + oldKey + " }\n");
    Path newConfig = yaml(dir.resolve("new.yaml"), common + "rootOfTrust:\n  keyFile: { file: " + newKey + " }\n");
    RunningTrent a = RunningTrent.start(c -> c.storage(pg).rootOfTrust(oldRoot).cacheRefresh(Duration.ofSeconds(1)));
    RunningTrent b = RunningTrent.start(c -> c.storage(pg).rootOfTrust(oldRoot).cacheRefresh(Duration.ofSeconds(1)));
    RunningTrent a2 = null;
    RunningTrent b2 = null;
    try {
      KmsClient ka = a.client();
      KmsClient kb = b.client();
      List<String> keyIds = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        keyIds.add(ka.createKey(r -> r.description("before")).keyMetadata().keyId());
      }
      SdkBytes before = kb.encrypt(r -> r.keyId(keyIds.get(0)).plaintext(SdkBytes.fromUtf8String("before")))
          .ciphertextBlob();
      Traffic traffic = new Traffic(List.of(ka, kb), keyIds, before);
      KmsClient ka2;
      try {
        traffic.awaitRounds(10);
        Run started = trent("root", "rotate", "--config", oldConfig.toString(), "--new-config", newConfig.toString());
        assertThat(started.status()).as(started.err()).isZero();
        await(() -> a.server().keyringActiveTerm() == 2 && b.server().keyringActiveTerm() == 2,
            "both nodes to load the new keyring term");
        traffic.awaitRounds(10);

        // Rolling restart behind the "load balancer": drain B, start it with the new root, then A.
        traffic.route(List.of(ka));
        b.server().close();
        b2 = RunningTrent.start(c -> c.storage(pg).rootOfTrust(newRoot).cacheRefresh(Duration.ofSeconds(1)));
        KmsClient kb2 = b2.client();
        traffic.route(List.of(kb2));
        a.server().close();
        a2 = RunningTrent.start(c -> c.storage(pg).rootOfTrust(newRoot).cacheRefresh(Duration.ofSeconds(1)));
        ka2 = a2.client();
        traffic.route(List.of(ka2, kb2));
        traffic.awaitRounds(10);

        Run finished = trent("root", "rotate", "--finish", "--config", newConfig.toString());
        assertThat(finished.status()).as(finished.err()).isZero();
        traffic.awaitRounds(10);
      } finally {
        traffic.close();
      }
      assertThat(traffic.failures).isEmpty();
      assertThat(traffic.succeeded.get()).isGreaterThanOrEqualTo(50);
      assertThat(ka2.decrypt(r -> r.ciphertextBlob(before)).plaintext().asUtf8String()).isEqualTo("before");
      Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
          RunningTrent.start(c -> c.storage(pg).rootOfTrust(oldRoot)));
      assertThat(refused).hasMessageContaining("keyring term 1 was wrapped by root of trust keyfile:")
          .hasMessageContaining("but this server's root of trust is keyfile:");
      Run status = trent("root", "status", "--config", newConfig.toString());
      assertThat(status.out()).contains("no root rotation in progress", "under term 2").doesNotContain("under term 1");
    } finally {
      for (RunningTrent node : new RunningTrent[] {a2, b2}) {
        if (node != null) {
          node.close();
        }
      }
      try (Connection c = DriverManager.getConnection(TwoNodesIT.URL, TwoNodesIT.USER, TwoNodesIT.PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
