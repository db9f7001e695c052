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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import trent.server.RootSettings;
import trent.server.StorageSettings;

/**
 * Automatic rotation with two nodes on one PostgreSQL database and one clock: however the nodes'
 * background tasks race, a key due once is rotated once, and each node decrypts what the other
 * encrypted under the new material.
 */
class TwoNodesRotationIT {

  MutableClock clock = MutableClock.startingNow();
  String schema;
  RunningTrent nodeA;
  RunningTrent nodeB;
  KmsClient a;
  KmsClient b;

  @BeforeEach
  void startTwoNodes() throws Exception {
    schema = "it_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(TwoNodesIT.URL, TwoNodesIT.USER, TwoNodesIT.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("PostgreSQL is not reachable at " + TwoNodesIT.URL, e);
      }
      Assumptions.abort("PostgreSQL is not reachable at " + TwoNodesIT.URL + "; run .ci/postgres.sh to include these tests");
    }
    StorageSettings storage = new StorageSettings.Postgres(TwoNodesIT.URL + "?currentSchema=" + schema,
        TwoNodesIT.USER, TwoNodesIT.PASSWORD, 4);
    nodeA = RunningTrent.start(c -> c.storage(storage).clock(clock));
    RootSettings sharedRoot = new RootSettings.KeyFile(nodeA.dataDir.resolve("root.key"));
    nodeB = RunningTrent.start(c -> c.storage(storage).rootOfTrust(sharedRoot).clock(clock));
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
    try (Connection c = DriverManager.getConnection(TwoNodesIT.URL, TwoNodesIT.USER, TwoNodesIT.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void aDueKeyIsRotatedOnceWhateverTheNodesDo() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String keyId = a.createKey(r -> r.description("shared")).keyMetadata().keyId();
      a.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(90));
      keys.add(keyId);
    }
    clock.advance(Duration.ofDays(90));

    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> both = List.of(
          () -> { together.await(); return nodeA.server().rotateDueKeysNow(); },
          () -> { together.await(); return nodeB.server().rotateDueKeysNow(); });
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(both, 60, TimeUnit.SECONDS)) {
        total += f.get();
      }
      assertThat(total).isLessThanOrEqualTo(keys.size());
    } finally {
      pool.shutdownNow();
    }
    nodeA.server().rotateDueKeysNow();
    nodeB.server().rotateDueKeysNow();

    for (String keyId : keys) {
      assertThat(b.listKeyRotations(r -> r.keyId(keyId)).rotations()).hasSize(1);
      String current = b.listKeyRotations(r -> r.keyId(keyId)).rotations().get(0).keyMaterialId();
      assertThat(b.describeKey(r -> r.keyId(keyId)).keyMetadata().currentKeyMaterialId()).isEqualTo(current);
      SdkBytes blob = b.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("hi"))).ciphertextBlob();
      assertThat(a.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("hi");
    }
  }
}
