package trent.storage.sqlite;

import static trent.storage.ContractRecords.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trent.storage.ContractRecords.key;
import static trent.storage.ContractRecords.newKeyId;
import static trent.storage.ContractRecords.withDescription;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.storage.KeyRecord;
import trent.storage.StorageException;
import trent.storage.Transaction;

/** What SQLite promises beyond the contract (see {@link SqliteStorage}). */
class SqliteStorageTest {

  private static final long WAIT_SECONDS = 60;

  @TempDir
  Path directory;

  private Path databaseFile;
  private SqliteStorage storage;

  @BeforeEach
  void open() {
    databaseFile = directory.resolve("trent.db");
    storage = SqliteStorage.open(databaseFile);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void readWorkCannotWrite() {
    assertThatThrownBy(() -> storage.read(tx -> {
      tx.keys().insert(key(newKeyId()));
      return null;
    })).isInstanceOf(StorageException.class);
    assertThat(storage.read((Transaction tx) -> tx.keys().list("111122223333", "us-east-1", null, 10))).isEmpty();
  }

  @Test
  void storageCallsFromInsideWorkAreRefusedInsteadOfDeadlocking() {
    assertThatThrownBy(() -> storage.write(tx -> storage.write(inner -> null)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> storage.write(tx -> storage.read(inner -> null)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> storage.read(tx -> storage.read(inner -> null)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> storage.read(tx -> {
      storage.close();
      return null;
    })).isInstanceOf(IllegalStateException.class);
    assertThat(storage.write((Transaction tx) -> "still usable")).isEqualTo("still usable");
  }

  @Test
  void aTransactionCannotBeUsedAfterItsWorkReturned() {
    AtomicReference<Transaction> leaked = new AtomicReference<>();
    storage.write(tx -> {
      leaked.set(tx);
      return null;
    });
    storage.read(tx -> {
      leaked.set(tx);
      return null;
    });

    assertThatThrownBy(() -> leaked.get().keys().find(newKeyId(), REGION)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aReadSeesOneSnapshotWhileTheWriterCommits() throws Exception {
    KeyRecord k = key(newKeyId());
    storage.write(tx -> {
      tx.keys().insert(k);
      return null;
    });
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      List<Optional<KeyRecord>> seen = storage.read(tx -> {
        List<Optional<KeyRecord>> views = new ArrayList<>();
        views.add(tx.keys().find(k.keyId(), REGION));
        Future<KeyRecord> update = writer.submit(() -> storage.write(w -> w.keys().update(withDescription(k, "new"))));
        try {
          await(update);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
        views.add(tx.keys().find(k.keyId(), REGION));
        return views;
      });

      assertThat(seen).containsExactly(Optional.of(k), Optional.of(k));
      assertThat(storage.read((Transaction tx) -> tx.keys().find(k.keyId(), REGION)).orElseThrow().description()).isEqualTo("new");
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void instantsKeepMicrosecondsAndDropFinerDigits() {
    Instant micros = Instant.parse("2024-05-01T10:15:30.123456Z");
    Instant nanos = Instant.parse("2024-05-01T10:15:30.123456789Z");
    Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999999Z");
    KeyRecord a = withCreation(key(newKeyId()), micros);
    KeyRecord b = withCreation(key(newKeyId()), nanos);
    KeyRecord c = withCreation(key(newKeyId()), beforeEpoch);
    storage.write(tx -> {
      tx.keys().insert(a);
      tx.keys().insert(b);
      tx.keys().insert(c);
      return null;
    });

    assertThat(creation(a)).isEqualTo(micros);
    assertThat(creation(b)).isEqualTo(micros);
    assertThat(creation(c)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    assertThatThrownBy(() -> storage.write(tx -> {
      tx.keys().insert(withCreation(key(newKeyId()), Instant.MAX));
      return null;
    })).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeWaitsForQueuedWritesAndLaterWritesFail() throws Exception {
    int threads = 8;
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<Throwable> unexpected = new ArrayList<>();
    CountDownLatch someWritten = new CountDownLatch(200);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      writers.add(pool.submit(() -> {
        while (true) {
          KeyRecord k = key(newKeyId());
          try {
            storage.write(tx -> {
              tx.keys().insert(k);
              return null;
            });
          } catch (StorageException closed) {
            return;
          } catch (RuntimeException e) {
            synchronized (unexpected) {
              unexpected.add(e);
            }
            return;
          }
          acknowledged.add(k.keyId());
          someWritten.countDown();
        }
      }));
    }
    try {
      assertThat(someWritten.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      storage.close();
      for (Future<?> writer : writers) {
        await(writer); // every writer learns the store closed; none hangs
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(unexpected).isEmpty();
    storage = SqliteStorage.open(databaseFile);
    List<KeyRecord> stored = storage.read(tx -> tx.keys().list("111122223333", "us-east-1", null, 1_000_000));
    assertThat(stored).extracting(KeyRecord::keyId).containsAll(acknowledged);
  }

  @Test
  void reopeningMigratesNothingTwiceAndKeepsData() {
    KeyRecord k = key(newKeyId());
    storage.write(tx -> {
      tx.keys().insert(k);
      return null;
    });
    for (int i = 0; i < 3; i++) {
      storage.close();
      storage = SqliteStorage.open(databaseFile);
    }

    assertThat(storage.read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(k);
  }

  private Instant creation(KeyRecord k) {
    return storage.read(tx -> tx.keys().find(k.keyId(), REGION)).orElseThrow().creationDate();
  }

  private static KeyRecord withCreation(KeyRecord k, Instant creationDate) {
    return trent.storage.ContractRecords.withCreationDate(k, creationDate);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
