package trent.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.storage.MigrationFiles;

/** The shortcut past Flyway is taken only for a store at the newest migration. */
class SchemaVersionTest {

  @Test
  void theConstantNamesTheNewestMigrationFile() throws Exception {
    int newest = MigrationFiles.newestVersion(SqliteStorage.class.getClassLoader(), "db/migration/sqlite");
    assertThat(SqliteStorage.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
  }

  @Test
  void aStoreOpenedTwiceIsAtTheNewestVersionAndUsable(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("trent.db");
    SqliteStorage.open(db).close();
    SqliteStorage.open(db).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*), max(version + 0) FROM flyway_schema_history WHERE success = 1")) {
      r.next();
      assertThat(r.getInt(2)).isEqualTo(Integer.parseInt(SqliteStorage.SCHEMA_VERSION));
    }
  }
}
