package trent.storage.postgres;

import static trent.storage.ContractRecords.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static trent.storage.ContractRecords.alias;
import static trent.storage.ContractRecords.key;
import static trent.storage.ContractRecords.newKeyId;
import static trent.storage.ContractRecords.withDescription;
import static trent.storage.ContractRecords.withState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trent.storage.AliasRecord;
import trent.storage.DuplicateRecordException;
import trent.storage.KeyRecord;
import trent.storage.StaleRecordException;
import trent.storage.StorageException;
import trent.storage.Transaction;

/**
 * Two Trent nodes on one database: two {@link PostgresStorage} instances with their own pools,
 * as two processes would have. Interleavings that matter are forced with latches and by waiting
 * (bounded) until PostgreSQL reports one transaction blocked by another, never by sleeping.
 */
class PostgresMultiNodeTest {

  private static final long WAIT_SECONDS = 120;

  private String schema;
  private PostgresStorage nodeA;
  private PostgresStorage nodeB;

  @BeforeAll
  static void requireServer() {
    PostgresTestDatabase.requireReachable();
  }

  @BeforeEach
  void openNodes() {
    schema = PostgresTestDatabase.createSchema();
    String url = PostgresTestDatabase.urlFor(schema);
    nodeA = PostgresStorage.open(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD, 8);
    nodeB = PostgresStorage.open(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD, 8);
  }

  @AfterEach
  void closeNodes() {
    if (nodeA != null) {
      nodeA.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    PostgresTestDatabase.dropSchema(schema);
  }

  @Test
  void concurrentInsertsOfOneAliasNameFromBothNodesStoreExactlyOne() throws Exception {
    int threads = 16;
    List<String> targets = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      targets.add(insertKey(nodeA));
    }

    for (int round = 0; round < 20; round++) {
      String name = "alias/race-" + round;
      Map<Integer, String> outcomes = new ConcurrentHashMap<>();
      runConcurrently(threads, t -> {
        PostgresStorage node = node(t);
        try {
          write(node, tx -> tx.aliases().insert(alias(name, targets.get(t))));
          outcomes.put(t, "stored");
        } catch (DuplicateRecordException e) {
          outcomes.put(t, "duplicate");
        }
      });

      List<Integer> winners = outcomes.entrySet().stream().filter(e -> e.getValue().equals("stored"))
          .map(Map.Entry::getKey).toList();
      assertThat(winners).as("round %d", round).hasSize(1);
      assertThat(outcomes.values()).as("round %d", round).hasSize(threads).filteredOn("duplicate"::equals)
          .hasSize(threads - 1);
      String winnerTarget = targets.get(winners.get(0));
      for (PostgresStorage node : List.of(nodeA, nodeB)) {
        AliasRecord stored = node.read((Transaction tx) -> tx.aliases().find(alias(name, "x").account(),
            alias(name, "x").region(), name)).orElseThrow();
        assertThat(stored.targetKeyId()).isEqualTo(winnerTarget);
        assertThat(stored.version()).isZero();
      }
    }
  }

  @Test
  void concurrentOptimisticUpdatesFromBothNodesNeverLoseAnIncrement() throws Exception {
    KeyRecord k = withDescription(key(newKeyId()), "0");
    write(nodeA, tx -> tx.keys().insert(k));
    int threads = 8;
    int perThread = 25;
    AtomicInteger staleRetries = new AtomicInteger();

    runConcurrently(threads, t -> {
      PostgresStorage node = node(t);
      for (int i = 0; i < perThread; i++) {
        while (true) {
          KeyRecord current = node.read((Transaction tx) -> tx.keys().find(k.keyId(), REGION)).orElseThrow();
          String next = Integer.toString(Integer.parseInt(current.description()) + 1);
          try {
            node.write((Transaction tx) -> tx.keys().update(withDescription(current, next)));
            break;
          } catch (StaleRecordException e) {
            staleRetries.incrementAndGet(); // the other node (or thread) won this round: read again
          }
        }
      }
    });

    for (PostgresStorage node : List.of(nodeA, nodeB)) {
      KeyRecord end = node.read((Transaction tx) -> tx.keys().find(k.keyId(), REGION)).orElseThrow();
      assertThat(end.description()).isEqualTo(Integer.toString(threads * perThread));
      assertThat(end.version()).isEqualTo(threads * perThread);
    }
  }

  @Test
  void concurrentReadModifyWriteUnitsOnBothNodesNeverLoseAnIncrement() throws Exception {
    // Each unit finds the key and updates what it found. The find locks the row, so units on both
    // nodes take turns: none sees StaleRecordException, none is lost.
    KeyRecord k = withDescription(key(newKeyId()), "0");
    write(nodeA, tx -> tx.keys().insert(k));
    int threads = 8;
    int perThread = 25;

    runConcurrently(threads, t -> {
      PostgresStorage node = node(t);
      for (int i = 0; i < perThread; i++) {
        node.write((Transaction tx) -> tx.keys().update(increment(tx.keys().find(k.keyId(), REGION).orElseThrow())));
      }
    });

    KeyRecord end = nodeB.read((Transaction tx) -> tx.keys().find(k.keyId(), REGION)).orElseThrow();
    assertThat(end.description()).isEqualTo(Integer.toString(threads * perThread));
    assertThat(end.version()).isEqualTo(threads * perThread);
  }

  @Test
  void aKeyAUnitFoundStaysAsReadUntilItCommitsAndTheOtherNodeThenSeesItsChange() throws Exception {
    KeyRecord k = withDescription(key(newKeyId()), "0");
    write(nodeA, tx -> tx.keys().insert(k));
    AtomicInteger attemptsOfB = new AtomicInteger();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      KeyRecord byA = nodeA.write((Transaction tx) -> {
        KeyRecord current = tx.keys().find(k.keyId(), REGION).orElseThrow();
        Future<KeyRecord> byB = other.submit(() -> nodeB.write((Transaction otherTx) -> {
          attemptsOfB.incrementAndGet();
          KeyRecord seen = otherTx.keys().find(k.keyId(), REGION).orElseThrow();
          return otherTx.keys().update(increment(seen));
        }));
        PostgresTestDatabase.awaitBlockedOn("FROM keys WHERE key_id", WAIT_SECONDS);
        assertThat(byB).isNotDone();
        return tx.keys().update(increment(current));
      });
      KeyRecord afterB = other.submit(() -> nodeB.read((Transaction tx) -> tx.keys().find(k.keyId(), REGION)).orElseThrow())
          .get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertThat(byA.description()).isEqualTo("1");
      assertThat(afterB.description()).isEqualTo("2");
      assertThat(afterB.version()).isEqualTo(2);
      assertThat(attemptsOfB).hasValue(1);
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void writeSkewAcrossNodesIsPrevented() throws Exception {
    // The invariant both units keep: at least one of two keys stays Enabled. Each disables "its"
    // key only when it finds both Enabled. Under plain snapshot isolation both could commit.
    for (int round = 0; round < 30; round++) {
      KeyRecord x = key(newKeyId());
      KeyRecord y = key(newKeyId());
      write(nodeA, tx -> {
        tx.keys().insert(x);
        tx.keys().insert(y);
      });

      runConcurrently(2, t -> node(t).write((Transaction tx) ->
          bothEnabled(tx, x, y) ? disable(tx, t == 0 ? x : y) : null));

      long enabled = nodeB.read((Transaction tx) -> List.of(x, y).stream()
          .filter(k -> tx.keys().find(k.keyId(), REGION).orElseThrow().keyState().equals("Enabled")).count());
      assertThat(enabled).as("round %d", round).isEqualTo(1);
    }
  }

  @Test
  void aDeadlockBetweenNodesIsRetriedEvenWhenTheWorkCaughtItAndBothUnitsCommit() throws Exception {
    KeyRecord x = key(newKeyId());
    KeyRecord y = key(newKeyId());
    write(nodeA, tx -> {
      tx.keys().insert(x);
      tx.keys().insert(y);
    });
    CountDownLatch aHoldsX = new CountDownLatch(1);
    CountDownLatch bHoldsY = new CountDownLatch(1);
    AtomicInteger attempts = new AtomicInteger();
    Map<Integer, String> results = new ConcurrentHashMap<>();

    // A locks x then y, B locks y then x: PostgreSQL aborts one of them, which runs again.
    runConcurrently(2, t -> {
      KeyRecord first = t == 0 ? x : y;
      KeyRecord second = t == 0 ? y : x;
      CountDownLatch mine = t == 0 ? aHoldsX : bHoldsY;
      CountDownLatch theirs = t == 0 ? bHoldsY : aHoldsX;
      results.put(t, node(t).write((Transaction tx) -> {
        attempts.incrementAndGet();
        KeyRecord held = tx.keys().find(first.keyId(), REGION).orElseThrow();
        mine.countDown();
        await(theirs);
        try {
          tx.keys().find(second.keyId(), REGION).orElseThrow();
        } catch (StorageException e) {
          return "swallowed " + e.getMessage(); // the deadlock victim: retried all the same
        }
        return tx.keys().update(withDescription(held, "by " + t)).description();
      }));
    });

    assertThat(results).containsEntry(0, "by 0").containsEntry(1, "by 1");
    // At least one rerun; under load a rerun can itself meet the other unit again and run once more.
    assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    assertThat(nodeA.read((Transaction tx) -> tx.keys().find(x.keyId(), REGION)).orElseThrow().description()).isEqualTo("by 0");
    assertThat(nodeA.read((Transaction tx) -> tx.keys().find(y.keyId(), REGION)).orElseThrow().description()).isEqualTo("by 1");
  }

  private static KeyRecord increment(KeyRecord k) {
    return withDescription(k, Integer.toString(Integer.parseInt(k.description()) + 1));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("the other unit never got there");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static boolean bothEnabled(Transaction tx, KeyRecord x, KeyRecord y) {
    return tx.keys().find(x.keyId(), REGION).orElseThrow().keyState().equals("Enabled")
        && tx.keys().find(y.keyId(), REGION).orElseThrow().keyState().equals("Enabled");
  }

  private static KeyRecord disable(Transaction tx, KeyRecord k) {
    KeyRecord current = tx.keys().find(k.keyId(), REGION).orElseThrow();
    return tx.keys().update(withState(current, "Disabled", null, null));
  }

  private PostgresStorage node(int thread) {
    return thread % 2 == 0 ? nodeA : nodeB;
  }

  private static String insertKey(PostgresStorage node) {
    KeyRecord k = key(newKeyId());
    write(node, tx -> tx.keys().insert(k));
    return k.keyId();
  }

  private static void write(PostgresStorage node, java.util.function.Consumer<Transaction> work) {
    node.write((Transaction tx) -> {
      work.accept(tx);
      return null;
    });
  }

  private interface ThreadWork {
    void run(int thread) throws Exception;
  }

  /** Starts the threads together and waits (bounded) for all of them. */
  private static void runConcurrently(int threads, ThreadWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int index = t;
        futures.add(pool.submit(() -> {
          start.await();
          work.run(index);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
