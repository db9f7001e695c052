package trent.server;

import java.nio.file.Path;
import java.util.Objects;

/** Where a server keeps its records: one of SQLite (the default), PostgreSQL, or memory. */
public sealed interface StorageSettings {

  /** An embedded SQLite database file; null means {@code trent.db} in the data dir. */
  record Sqlite(Path file) implements StorageSettings {}

  /** A PostgreSQL database shared by any number of nodes. {@link #toString()} hides the password. */
  record Postgres(String url, String user, String password, int poolSize) implements StorageSettings {
    public Postgres {
      Objects.requireNonNull(url, "storage.postgres.url");
      Objects.requireNonNull(user, "storage.postgres.user");
      Objects.requireNonNull(password, "storage.postgres.password");
      if (poolSize < 1) {
        throw new IllegalArgumentException("storage.postgres.poolSize must be at least 1, was " + poolSize);
      }
    }

    @Override
    public String toString() {
      return "Postgres[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
  }

  /** Nothing on disk; everything is gone when the server stops. */
  record Memory() implements StorageSettings {}
}
