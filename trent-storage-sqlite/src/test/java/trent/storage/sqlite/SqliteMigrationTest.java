package trent.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import trent.storage.SchemaV9Fixture;

/** A store of schema 9, written before multi-Region keys, keeps its keys when Trent opens it. */
class SqliteMigrationTest {

  @Test
  void aStoreOfSchema9KeepsItsKeysWhenMigratedTo10(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("trent.db");
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + db);
    Flyway.configure(SqliteStorage.class.getClassLoader()).dataSource(dataSource)
        .locations("classpath:db/migration/sqlite").target("9").load().migrate();
    try (Connection c = dataSource.getConnection()) {
      SchemaV9Fixture.insert(c, false);
    }

    try (SqliteStorage storage = SqliteStorage.open(db)) {
      SchemaV9Fixture.assertKept(storage);
    }
  }
}
