package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import trent.protocol.Identity;
import trent.server.RootSettings;
import trent.server.StorageSettings;

/**
 * Two Trent nodes on one PostgreSQL database. Their caches are set to refresh only every ten
 * minutes, so what is seen here within seconds was carried by the change notices, not by expiry.
 * Both nodes know the README's example access key as the development account's root, and a role
 * whose identity policy depends on a key's tag and aliases.
 */
class TwoNodesIT {

  static final String URL = env("TRENT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/trent_test");
  static final String USER = env("TRENT_TEST_PG_USER", "trent");
  static final String PASSWORD = env("TRENT_TEST_PG_PASSWORD", "trent");
  static final Duration NOTICE_BOUND = Duration.ofSeconds(10);

  static final Identity ROOT = new Identity("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      RunningTrent.ACCOUNT, "arn:aws:iam::" + RunningTrent.ACCOUNT + ":root");
  static final Identity ABAC = AuthorizationIT.identity("AKIATWONODESABAC0001", RunningTrent.ACCOUNT,
      "arn:aws:iam::" + RunningTrent.ACCOUNT + ":role/abac", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "kms:Encrypt", "Resource": "*",
         "Condition": {"StringEquals": {"aws:ResourceTag/Project": "Alpha"}}},
        {"Effect": "Allow", "Action": "kms:DescribeKey", "Resource": "*",
         "Condition": {"ForAnyValue:StringEquals": {"kms:ResourceAliases": "alias/abac"}}}]}""");
  static final List<Identity> IDENTITIES = List.of(ROOT, ABAC);

  String schema;
  RunningTrent nodeA;
  RunningTrent nodeB;
  KmsClient a;
  KmsClient b;

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  @BeforeEach
  void startTwoNodes() throws Exception {
    schema = "it_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("PostgreSQL is not reachable at " + URL + " (run .ci/postgres.sh)", e);
      }
      Assumptions.abort("PostgreSQL is not reachable at " + URL + "; run .ci/postgres.sh to include these tests");
    }
    StorageSettings storage = new StorageSettings.Postgres(URL + "?currentSchema=" + schema, USER, PASSWORD, 4);
    nodeA = RunningTrent.start(c -> c.storage(storage).cacheRefresh(Duration.ofMinutes(10)).identities(IDENTITIES));
    RootSettings sharedRoot = new RootSettings.KeyFile(nodeA.dataDir.resolve("root.key"));
    nodeB = RunningTrent.start(c -> c.storage(storage).rootOfTrust(sharedRoot).cacheRefresh(Duration.ofMinutes(10))
        .identities(IDENTITIES));
    a = nodeA.client();
    b = nodeB.client();
  }

  @AfterEach
  void stop() throws Exception {
    if (a != null) {
      a.close();
      b.close();
      nodeA.close();
      nodeB.close();
    }
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /** Polls until the condition holds or the bound passes; never sleeps longer than needed. */
  static void within(Duration bound, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.call()) {
      assertThat(System.nanoTime()).as("condition not met within %s", bound).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  static String errorCode(Runnable call) {
    try {
      call.run();
      return "none";
    } catch (KmsException e) {
      return e.awsErrorDetails().errorCode();
    }
  }

  @Test
  void aNodeWithAnotherRootRefusesToStart() {
    StorageSettings storage = new StorageSettings.Postgres(URL + "?currentSchema=" + schema, USER, PASSWORD, 2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunningTrent.start(c -> c.storage(storage)))
        .hasMessageContaining("was wrapped by root of trust")
        .hasMessageContaining("restore the original root key");
  }

  @Test
  void aBlobMadeOnOneNodeDecryptsOnTheOther() {
    String keyId = a.createKey(r -> r.description("shared")).keyMetadata().keyId();
    SdkBytes blob = a.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("both nodes"))).ciphertextBlob();
    assertThat(b.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("both nodes");
  }

  @Test
  void aKeyDisabledThroughOneNodeIsRefusedByTheOther() throws Exception {
    String keyId = a.createKey(r -> r.description("to disable")).keyMetadata().keyId();
    SdkBytes blob = b.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();
    a.disableKey(r -> r.keyId(keyId));
    within(NOTICE_BOUND, () -> errorCode(() -> b.decrypt(r -> r.ciphertextBlob(blob))).equals("DisabledException"));
    a.enableKey(r -> r.keyId(keyId));
    within(NOTICE_BOUND, () -> errorCode(() -> b.decrypt(r -> r.ciphertextBlob(blob))).equals("none"));
  }

  @Test
  void anAliasMovedThroughOneNodeIsFollowedByTheOther() throws Exception {
    String first = a.createKey(r -> r.description("first")).keyMetadata().keyId();
    String second = a.createKey(r -> r.description("second")).keyMetadata().keyId();
    a.createAlias(r -> r.aliasName("alias/moving").targetKeyId(first));
    assertThat(b.encrypt(r -> r.keyId("alias/moving").plaintext(SdkBytes.fromUtf8String("x"))).keyId()).endsWith(first);
    a.updateAlias(r -> r.aliasName("alias/moving").targetKeyId(second));
    within(NOTICE_BOUND, () -> b.encrypt(r -> r.keyId("alias/moving").plaintext(SdkBytes.fromUtf8String("x")))
        .keyId().endsWith(second));
    a.deleteAlias(r -> r.aliasName("alias/moving"));
    within(NOTICE_BOUND, () -> errorCode(() -> b.encrypt(r -> r.keyId("alias/moving")
        .plaintext(SdkBytes.fromUtf8String("x")))).equals("NotFoundException"));
  }

  /** The tags and aliases authorization reads (aws:ResourceTag, kms:ResourceAliases) follow changes made on the other node. */
  @Test
  void aTagOrAliasChangedThroughOneNodeDecidesOnTheOther() throws Exception {
    String keyId = a.createKey(r -> r.description("abac")).keyMetadata().keyId();
    try (KmsClient abacB = nodeB.client(software.amazon.awssdk.regions.Region.US_EAST_1, ABAC.accessKeyId(),
        ABAC.secretAccessKey())) {
      assertThat(errorCode(() -> abacB.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")))))
          .isEqualTo("AccessDeniedException");
      assertThat(errorCode(() -> abacB.describeKey(r -> r.keyId(keyId)))).isEqualTo("AccessDeniedException");

      a.tagResource(r -> r.keyId(keyId).tags(t -> t.tagKey("Project").tagValue("Alpha")));
      a.createAlias(r -> r.aliasName("alias/abac").targetKeyId(keyId));
      within(NOTICE_BOUND, () -> errorCode(() -> abacB.encrypt(r -> r.keyId(keyId)
          .plaintext(SdkBytes.fromUtf8String("x")))).equals("none"));
      within(NOTICE_BOUND, () -> errorCode(() -> abacB.describeKey(r -> r.keyId(keyId))).equals("none"));

      a.untagResource(r -> r.keyId(keyId).tagKeys("Project"));
      a.deleteAlias(r -> r.aliasName("alias/abac"));
      within(NOTICE_BOUND, () -> errorCode(() -> abacB.encrypt(r -> r.keyId(keyId)
          .plaintext(SdkBytes.fromUtf8String("x")))).equals("AccessDeniedException"));
      within(NOTICE_BOUND, () -> errorCode(() -> abacB.describeKey(r -> r.keyId(keyId))).equals("AccessDeniedException"));
    }
  }

  @Test
  void oneAliasNameCreatedThroughBothNodesAtOnceHasOneWinner() throws Exception {
    String keyId = a.createKey(r -> r.description("contested")).keyMetadata().keyId();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 5; round++) {
        String name = "alias/contested-" + round;
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          KmsClient client = i % 2 == 0 ? a : b;
          outcomes.add(pool.submit(() -> {
            start.await();
            return errorCode(() -> client.createAlias(r -> r.aliasName(name).targetKeyId(keyId)));
          }));
        }
        List<String> codes = new ArrayList<>();
        for (Future<String> f : outcomes) {
          codes.add(f.get());
        }
        assertThat(codes).filteredOn("none"::equals).hasSize(1);
        assertThat(codes).filteredOn("AlreadyExistsException"::equals).hasSize(7);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
