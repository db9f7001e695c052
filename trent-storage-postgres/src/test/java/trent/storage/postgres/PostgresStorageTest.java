package trent.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static trent.storage.ContractRecords.ACCOUNT;
import static trent.storage.ContractRecords.REGION;
import static trent.storage.ContractRecords.alias;
import static trent.storage.ContractRecords.key;
import static trent.storage.ContractRecords.newKeyId;
import static trent.storage.ContractRecords.withCreationDate;
import static trent.storage.ContractRecords.withDescription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trent.storage.DuplicateRecordException;
import trent.storage.KeyRecord;
import trent.storage.StorageException;
import trent.storage.TagRecord;
import trent.storage.Transaction;

/** What PostgreSQL promises beyond the contract (see {@link PostgresStorage}), on one node. */
class PostgresStorageTest {

  private static final long WAIT_SECONDS = 60;

  private String schema;
  private PostgresStorage storage;

  @BeforeAll
  static void requireServer() {
    PostgresTestDatabase.requireReachable();
  }

  @BeforeEach
  void open() {
    schema = PostgresTestDatabase.createSchema();
    storage = PostgresStorage.open(PostgresTestDatabase.urlFor(schema), PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD, 4);
  }

  @AfterEach
  void close() {
    if (storage != null) {
      storage.close();
    }
    PostgresTestDatabase.dropSchema(schema);
  }

  @Test
  void readWorkCannotWrite() {
    KeyRecord stored = key(newKeyId());
    storage.write(tx -> {
      tx.keys().insert(stored);
      return null;
    });

    assertThatThrownBy(() -> storage.read(tx -> {
      tx.keys().insert(key(newKeyId()));
      return null;
    })).isInstanceOf(StorageException.class).hasMessageContaining("must not write");
    assertThatThrownBy(() -> storage.read(tx -> tx.keys().delete(stored.keyId(), REGION))).isInstanceOf(StorageException.class);
    assertThat(storage.read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, null, 10))).containsExactly(stored);
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
    assertThatThrownBy(() -> leaked.get().keys().find(newKeyId(), REGION)).isInstanceOf(IllegalStateException.class);
    storage.read(tx -> {
      leaked.set(tx);
      return null;
    });
    assertThatThrownBy(() -> leaked.get().keys().find(newKeyId(), REGION)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aReadSeesOneSnapshotWhileWritesCommit() throws Exception {
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
        try {
          writer.submit(() -> storage.write(w -> w.keys().update(withDescription(k, "new"))))
              .get(WAIT_SECONDS, TimeUnit.SECONDS);
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
  void aDuplicateInsideWorkLeavesTheTransactionUsable() {
    KeyRecord existing = key(newKeyId());
    KeyRecord fresh = key(newKeyId());
    storage.write(tx -> {
      tx.keys().insert(existing);
      return null;
    });

    String outcome = storage.write(tx -> {
      String first;
      try {
        tx.keys().insert(withDescription(existing, "again"));
        first = "inserted";
      } catch (DuplicateRecordException e) {
        first = "duplicate";
      }
      tx.keys().insert(fresh);
      tx.aliases().insert(alias("alias/fresh", fresh.keyId()));
      return first;
    });

    assertThat(outcome).isEqualTo("duplicate");
    assertThat(storage.read((Transaction tx) -> tx.keys().find(existing.keyId(), REGION))).contains(existing);
    assertThat(storage.read((Transaction tx) -> tx.keys().find(fresh.keyId(), REGION))).contains(fresh);
  }

  @Test
  void anOrphanTheWorkCaughtStillFailsTheWholeWrite() {
    KeyRecord k = key(newKeyId());

    Throwable thrown = catchThrowable(() -> storage.write(tx -> {
      tx.keys().insert(k);
      try {
        tx.tags().put(new TagRecord(newKeyId(), REGION, "team", "payments"));
      } catch (StorageException e) {
        // ignored on purpose: the transaction is aborted all the same
      }
      return "returned normally";
    }));

    assertThat(thrown).isInstanceOf(StorageException.class).isNotInstanceOf(DuplicateRecordException.class);
    assertThat(storage.read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).isEmpty();
  }

  @Test
  void instantsKeepMicrosecondsAndDropFinerDigits() {
    Instant micros = Instant.parse("2024-05-01T10:15:30.123456Z");
    Instant nanos = Instant.parse("2024-05-01T10:15:30.123456789Z");
    Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999999Z");
    KeyRecord a = withCreationDate(key(newKeyId()), micros);
    KeyRecord b = withCreationDate(key(newKeyId()), nanos);
    KeyRecord c = withCreationDate(key(newKeyId()), beforeEpoch);
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
      tx.keys().insert(withCreationDate(key(newKeyId()), Instant.MAX));
      return null;
    })).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textWithANulCharacterIsRefusedWithStorageException() {
    assertThatThrownBy(() -> storage.write(tx -> {
      tx.keys().insert(withDescription(key(newKeyId()), "a\u0000b"));
      return null;
    })).isInstanceOf(StorageException.class);
  }

  @Test
  void openingAnUnreachableDatabaseFailsWithStorageException() {
    assertThatThrownBy(() -> PostgresStorage.open("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=5", "trent",
        "secret")).isInstanceOf(StorageException.class).hasMessageNotContaining("secret");
    assertThatThrownBy(() -> PostgresStorage.open(PostgresTestDatabase.URL, "trent", "x", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoStoresOpeningTheSameEmptySchemaAtOnceBothWork() throws Exception {
    String other = PostgresTestDatabase.createSchema();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> PostgresStorage.open(PostgresTestDatabase.urlFor(other), PostgresTestDatabase.USER,
          PostgresTestDatabase.PASSWORD, 2));
      var second = pool.submit(() -> PostgresStorage.open(PostgresTestDatabase.urlFor(other), PostgresTestDatabase.USER,
          PostgresTestDatabase.PASSWORD, 2));
      try (PostgresStorage a = first.get(WAIT_SECONDS, TimeUnit.SECONDS);
          PostgresStorage b = second.get(WAIT_SECONDS, TimeUnit.SECONDS)) {
        KeyRecord k = key(newKeyId());
        a.write(tx -> {
          tx.keys().insert(k);
          return null;
        });
        assertThat(b.read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(k);
      }
    } finally {
      pool.shutdownNow();
      PostgresTestDatabase.dropSchema(other);
    }
  }

  private Instant creation(KeyRecord k) {
    return storage.read((Transaction tx) -> tx.keys().find(k.keyId(), REGION)).orElseThrow().creationDate();
  }

}
