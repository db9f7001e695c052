package trent.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import trent.storage.KeyRecord;
import trent.storage.MigrationFiles;
import trent.storage.Transaction;

/** The shortcut past Flyway is taken only for a schema at the newest migration. */
class PostgresSchemaVersionTest {

  @Test
  void theConstantNamesTheNewestMigrationFile() throws Exception {
    int newest = MigrationFiles.newestVersion(PostgresStorage.class.getClassLoader(), "db/migration/postgres");
    assertThat(PostgresStorage.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
  }

  @Test
  void aSchemaOpenedTwiceIsAtTheNewestVersionAndUsable() throws Exception {
    PostgresTestDatabase.requireReachable();
    String schema = PostgresTestDatabase.createSchema();
    String url = PostgresTestDatabase.urlFor(schema);
    try {
      PostgresStorage.open(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD, 2).close();
      try (PostgresStorage again = PostgresStorage.open(url, PostgresTestDatabase.USER,
          PostgresTestDatabase.PASSWORD, 2)) {
        List<KeyRecord> keys = again.read((Transaction tx) -> tx.keys().listAll(null, null, 1));
        assertThat(keys).isEmpty();
      }
      try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT max(version::int) FROM flyway_schema_history WHERE success")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(Integer.parseInt(PostgresStorage.SCHEMA_VERSION));
      }
    } finally {
      PostgresTestDatabase.dropSchema(schema);
    }
  }
}
