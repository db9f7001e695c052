package trent.storage.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import trent.storage.Storage;
import trent.storage.StorageContractTest;

/** The storage contract, run against a SQLite file in a fresh directory per test. */
class SqliteStorageContractTest extends StorageContractTest {

  @TempDir
  Path directory;

  private Path databaseFile;

  @Override
  protected Storage newStorage() {
    try {
      // A directory that does not exist yet: open must create it.
      databaseFile = Files.createTempDirectory(directory, "store").resolve("nested/trent.db");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return SqliteStorage.open(databaseFile);
  }

  @Override
  protected Storage reopen(Storage old) {
    old.close();
    return SqliteStorage.open(databaseFile);
  }
}
