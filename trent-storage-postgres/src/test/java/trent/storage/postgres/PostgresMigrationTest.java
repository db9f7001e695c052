package trent.storage.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trent.storage.SchemaV9Fixture;

/** A database of schema 9, written before multi-Region keys, keeps its keys when Trent opens it. */
class PostgresMigrationTest {

  @BeforeAll
  static void requireServer() {
    PostgresTestDatabase.requireReachable();
  }

  @Test
  void aDatabaseOfSchema9KeepsItsKeysWhenMigratedTo10() throws Exception {
    String schema = PostgresTestDatabase.createSchema();
    String url = PostgresTestDatabase.urlFor(schema);
    try {
      Flyway.configure(PostgresStorage.class.getClassLoader())
          .dataSource(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)
          .locations("classpath:db/migration/postgres").target("9").load().migrate();
      try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)) {
        SchemaV9Fixture.insert(c, true);
      }

      try (PostgresStorage storage = PostgresStorage.open(url, PostgresTestDatabase.USER,
          PostgresTestDatabase.PASSWORD, 2)) {
        SchemaV9Fixture.assertKept(storage);
      }
    } finally {
      PostgresTestDatabase.dropSchema(schema);
    }
  }
}
