package trent.storage.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import trent.storage.Storage;
import trent.storage.StorageContractTest;

/**
 * The storage contract, run against a real PostgreSQL server (see {@link PostgresTestDatabase}),
 * in a fresh schema per test that is dropped afterwards.
 */
class PostgresStorageContractTest extends StorageContractTest {

  /** Enough for the contract's 16 concurrent writers to queue for connections. */
  private static final int POOL_SIZE = 8;

  private String schema;

  @BeforeAll
  static void requireServer() {
    PostgresTestDatabase.requireReachable();
  }

  @Override
  protected Storage newStorage() {
    schema = PostgresTestDatabase.createSchema();
    return open();
  }

  @Override
  protected Storage reopen(Storage old) {
    old.close();
    return open();
  }

  /** Runs before the contract's own close (which is then harmless): the schema goes once its store is closed. */
  @AfterEach
  void dropSchema() {
    if (storage != null) {
      storage.close();
    }
    if (schema != null) {
      PostgresTestDatabase.dropSchema(schema);
    }
  }

  private Storage open() {
    return PostgresStorage.open(PostgresTestDatabase.urlFor(schema), PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD, POOL_SIZE);
  }
}
