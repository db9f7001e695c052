package trent.storage.postgres;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use, and a fresh schema per test in it.
 *
 * <p>Connection parameters come from {@code TRENT_TEST_PG_URL}, {@code TRENT_TEST_PG_USER} and
 * {@code TRENT_TEST_PG_PASSWORD}; the defaults are what {@code .ci/postgres.sh} sets up. When the
 * server cannot be reached the tests are skipped, except when {@code CI} is set: CI must never
 * skip storage tests silently, so there they fail.
 */
final class PostgresTestDatabase {

  static final String URL = env("TRENT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/trent_test");
  static final String USER = env("TRENT_TEST_PG_USER", "trent");
  static final String PASSWORD = env("TRENT_TEST_PG_PASSWORD", "trent");

  private PostgresTestDatabase() {}

  /** Call from {@code @BeforeAll}: fails under CI, skips elsewhere, when the server is unreachable. */
  static void requireReachable() {
    try (Connection connection = connect()) {
      connection.isValid(5);
    } catch (SQLException e) {
      String cause = String.valueOf(e.getMessage()).replaceAll("\\.+$", "");
      String message = "PostgreSQL is not reachable at " + URL + " as " + USER + ": " + cause
          + ". Start it with .ci/postgres.sh (as root), or point TRENT_TEST_PG_URL, TRENT_TEST_PG_USER and"
          + " TRENT_TEST_PG_PASSWORD at a server.";
      String ci = System.getenv("CI");
      if (ci != null && !ci.isEmpty()) {
        fail(message + " CI is set, so the PostgreSQL storage tests fail instead of being skipped.", e);
      }
      String skipping = message + " Skipping the PostgreSQL storage tests (they fail when CI is set).";
      System.err.println("WARNING: " + skipping); // a class-level skip is easy to miss in the build log
      Assumptions.abort(skipping);
    }
  }

  /** Creates a new, empty schema with a unique name and returns the name. */
  static String createSchema() {
    String schema = "trent_test_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  /** The JDBC URL whose connections work in {@code schema}. */
  static String urlFor(String schema) {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static void dropSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /**
   * Waits until some Trent connection to the test database is blocked by another's lock while
   * running a statement that contains {@code queryFragment}; fails after {@code seconds}.
   */
  static void awaitBlockedOn(String queryFragment, long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND application_name = 'trent' AND cardinality(pg_blocking_pids(pid)) > 0 AND position(? in query) > 0";
    try (Connection connection = connect(); PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, queryFragment);
      while (true) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          fail("no statement containing '" + queryFragment + "' was blocked within " + seconds + " s");
        }
        Thread.sleep(10);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("watching for blocked statements failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  private static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("socketTimeout", "60");
    return DriverManager.getConnection(URL, properties);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
