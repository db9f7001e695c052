package trent.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.storage.Storage;
import trent.storage.StorageException;

/**
 * Trent's storage in a PostgreSQL database, shared by any number of Trent processes ("nodes").
 *
 * <p>Guarantees, beyond those of {@link Storage}:
 * <ul>
 *   <li><b>Isolation.</b> Every {@link #write} runs in one {@code READ COMMITTED} transaction with
 *       explicit row locks. {@code find} of a key or an alias locks the row it returns
 *       ({@code FOR NO KEY UPDATE}) until the transaction ends, so what a unit of work read through
 *       {@code find} cannot change under it, whichever node tries: a concurrent unit that finds,
 *       updates or deletes the same row waits, and then sees the first unit's outcome. Units that
 *       begin by finding the record they change (as the domain's do) therefore run one after the
 *       other on that record, and never fail for it. {@code list} and the material and keyring
 *       repositories take no locks: within a write they see what was committed when each statement
 *       began. Rules about sets of records ("no such alias yet") rest on unique constraints.
 *   <li><b>Optimistic versions.</b> {@code update} is {@code UPDATE ... WHERE version = ?}: a
 *       version that is not the stored one, because another unit on any node changed the record
 *       first, gives {@link trent.storage.StaleRecordException}; a concurrent updater waits for the
 *       first and then finds the version changed. No update is lost.
 *   <li><b>Uniqueness</b> is enforced by primary keys and unique constraints, so it holds across
 *       nodes: an insert that meets an existing record, committed or committing, throws
 *       {@link trent.storage.DuplicateRecordException} ({@code INSERT ... ON CONFLICT DO NOTHING}
 *       that inserted nothing, or SQLSTATE {@code 23505}). Such an insert does not abort the
 *       transaction: the work may catch the exception and go on.
 *   <li><b>Integrity.</b> Key material, aliases and tags must name a stored key (foreign keys,
 *       SQLSTATE {@code 23503}); otherwise the statement fails with {@link StorageException} that
 *       is not a {@code DuplicateRecordException}, and the transaction can then only be rolled
 *       back: a work that catches such a failure and returns normally still gets a
 *       {@link StorageException} from {@code write}, and nothing is stored. (PostgreSQL answers
 *       {@code COMMIT} of an aborted transaction with a rollback, which pgjdbc does not report.)
 *       {@code KeyRepository.delete} locks the key first, so records added concurrently are
 *       either deleted with it or refused. Every other database error is a {@link StorageException}.
 *   <li><b>Retries.</b> When PostgreSQL aborts a write because it deadlocked with a concurrent
 *       transaction of any node (SQLSTATE {@code 40P01}; {@code 40001} serialization failures are
 *       treated alike, though {@code READ COMMITTED} does not raise them), the transaction is rolled
 *       back and the <em>whole unit of work runs again</em> on a fresh transaction, up to
 *       {@value #MAX_ATTEMPTS} times in all, after a short randomised pause. The retry happens even
 *       when the work caught the exception. A unit of work must therefore have no effect outside
 *       the {@link trent.storage.Transaction} it is given (as every unit in Trent's domain does: it
 *       reads, decides and writes). When the attempts run out the caller gets a
 *       {@link StorageException}.
 *   <li><b>The work's own exception</b> (anything it throws that is not a deadlock) rolls the
 *       transaction back and reaches the caller of {@code write} unchanged, without a retry.
 *   <li><b>Durability.</b> Each connection runs with {@code synchronous_commit = on}: a
 *       {@link #write} returns only after PostgreSQL flushed the commit record to its WAL. The
 *       commits of several threads and nodes proceed in parallel, and PostgreSQL flushes them
 *       together. (The server's own {@code fsync} must be on; {@link #open} logs a warning when it
 *       is not.) When the connection fails during {@code COMMIT} the outcome is unknown; the caller
 *       then gets a {@link StorageException} saying so.
 *   <li><b>Reads</b> run in a {@code REPEATABLE READ, READ ONLY} transaction: one snapshot, taken
 *       after {@code read} was called, so it includes every write of any node that returned
 *       before. Reads take no locks, never wait for writers and are never retried. Work passed to
 *       {@link #read} cannot write; trying fails with {@link StorageException}.
 *   <li><b>Instants</b> are stored as {@code BIGINT} epoch microseconds. Finer digits are dropped
 *       (truncated towards the past); instants more than about 292,000 years from 1970 are
 *       rejected with {@link IllegalArgumentException}.
 *   <li><b>Text and order.</b> The database must be encoded in UTF8 ({@link #open} checks). Lists
 *       sort identifiers with {@code COLLATE "C"}, which is Unicode code point order, whatever the
 *       database's locale. PostgreSQL cannot store the character U+0000 in text; text containing
 *       it is refused with {@link StorageException}.
 *   <li><b>Misuse</b> is refused rather than deadlocked: calling {@code read}, {@code write} or
 *       {@code close} from inside work of the same store throws {@link IllegalStateException}.
 *       (Work that waits for another store's write on the same rows would deadlock where
 *       PostgreSQL cannot see it; the SPI forbids work to block on other storage calls.)
 *   <li><b>Close</b> stops admitting work, waits for the work in progress to finish, and closes the
 *       connection pool. Later calls throw {@link StorageException}. It is idempotent.
 * </ul>
 *
 * <p>Connections come from a HikariCP pool of a fixed size; a caller waits (at most 30 s, then
 * {@link StorageException}) when every connection is busy. The schema lives in the connection's
 * current schema (the first of {@code search_path}: {@code public}, unless the JDBC URL sets
 * {@code currentSchema}), which must exist; {@link #open} brings it up to date with Flyway
 * (migrations in {@code db/migration/postgres}), serialised across nodes by Flyway's advisory lock.
 */
public final class PostgresStorage implements Storage {

  /** Connections per store when {@link #open(String, String, String)} is used. */
  public static final int DEFAULT_POOL_SIZE = 10;
  /** Attempts at one write, the first included, when PostgreSQL aborts it for a deadlock. */
  public static final int MAX_ATTEMPTS = 10;

  private static final Logger log = LoggerFactory.getLogger(PostgresStorage.class);
  private static final String MIGRATIONS = "classpath:db/migration/postgres";
  private static final long CONNECTION_TIMEOUT_MILLIS = 30_000;
  private static final long MAX_BACKOFF_MILLIS = 100;

  private final HikariDataSource pool;
  private final String location;
  private final ThreadLocal<Boolean> inWork = new ThreadLocal<>();
  /** Calls hold the read side while they run; close takes the write side. */
  private final ReentrantReadWriteLock admission = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private final PostgresChangeFeed changeFeed;

  private PostgresStorage(HikariDataSource pool, String location, PostgresChangeFeed changeFeed) {
    this.pool = pool;
    this.location = location;
    this.changeFeed = changeFeed;
  }

  /** Notices between nodes through LISTEN/NOTIFY on this database. */
  @Override
  public java.util.Optional<trent.storage.ChangeFeed> changeFeed() {
    return java.util.Optional.of(changeFeed);
  }

  /**
   * Opens the store in the database at {@code jdbcUrl} with a pool of
   * {@value #DEFAULT_POOL_SIZE} connections; see {@link #open(String, String, String, int)}.
   */
  public static PostgresStorage open(String jdbcUrl, String user, String password) {
    return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
  }

  /**
   * Opens the store in the database at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db},
   * with any pgjdbc parameters), brings its schema up to date, and opens a pool of
   * {@code poolSize} connections.
   *
   * @throws IllegalArgumentException when {@code poolSize} is less than 1
   * @throws StorageException when the database cannot be reached, is not UTF8, or a migration fails
   */
  public static PostgresStorage open(String jdbcUrl, String user, String password, int poolSize) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
    }
    String location = withoutParameters(jdbcUrl);
    migrate(jdbcUrl, user, password, location);

    HikariConfig config = new HikariConfig();
    config.setPoolName("trent-postgres");
    config.setDriverClassName("org.postgresql.Driver");
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    config.setAutoCommit(false);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setConnectionInitSql("SET synchronous_commit = on");
    config.addDataSourceProperty("ApplicationName", "trent");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
      throw new StorageException("cannot connect to " + location, e);
    }
    try {
      checkServer(pool, location);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new PostgresStorage(pool, location, new PostgresChangeFeed(pool, jdbcUrl, user, password));
  }

  @Override
  public <T> T read(Work<T> work) {
    Objects.requireNonNull(work, "work");
    requireOutsideWork("read");
    Lock admitted = admit();
    try {
      Connection connection = connect();
      PostgresTransaction tx = new PostgresTransaction(connection, false);
      try {
        try {
          execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        } catch (SQLException e) {
          throw Jdbc.translate(e, "starting a read");
        }
        inWork.set(Boolean.TRUE);
        try {
          return work.run(tx);
        } finally {
          inWork.remove();
          tx.end();
        }
      } finally {
        rollbackAndRelease(connection);
      }
    } finally {
      admitted.unlock();
    }
  }

  @Override
  public <T> T write(Work<T> work) {
    Objects.requireNonNull(work, "work");
    requireOutsideWork("write");
    Lock admitted = admit();
    try {
      Connection connection = connect();
      boolean usable = false;
      try {
        T result = writeWithRetries(connection, work);
        usable = true;
        return result;
      } finally {
        if (usable) {
          release(connection);
        } else {
          rollbackAndRelease(connection);
        }
      }
    } finally {
      admitted.unlock();
    }
  }

  @Override
  public void close() {
    requireOutsideWork("close");
    Lock exclusive = admission.writeLock();
    exclusive.lock();
    try {
      if (!closed) {
        closed = true;
        changeFeed.close();
        pool.close();
      }
    } finally {
      exclusive.unlock();
    }
  }

  @Override
  public String toString() {
    return "PostgresStorage[" + location + "]";
  }

  /**
   * Runs the work and commits, again on a fresh transaction while PostgreSQL aborts it for a
   * deadlock (or serialization failure). Returns with the transaction committed; throws with it
   * rolled back (or in an unknown state, when the connection failed during COMMIT).
   */
  private <T> T writeWithRetries(Connection connection, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      PostgresTransaction tx = new PostgresTransaction(connection, true);
      T result;
      inWork.set(Boolean.TRUE);
      try {
        result = work.run(tx);
      } catch (Throwable t) {
        // Nothing of the work may be stored, whatever it threw.
        rollback(connection);
        if (!tx.conflicted()) {
          throw t; // the work's own exception (or a store failure it met), unchanged
        }
        pauseBeforeRetry(attempt, t);
        continue;
      } finally {
        inWork.remove();
        tx.end();
      }
      if (tx.conflicted()) {
        // The work caught the conflict and returned; the transaction is aborted all the same.
        rollback(connection);
        pauseBeforeRetry(attempt, tx.failure());
        continue;
      }
      if (tx.failure() != null) {
        // The work caught a failed statement and returned. PostgreSQL aborted the transaction, and
        // COMMIT would only roll it back: the caller must not believe its work was stored.
        rollback(connection);
        throw new StorageException("a statement of the unit of work failed and the work went on; nothing was"
            + " stored", tx.failure());
      }
      try {
        connection.commit();
        return result;
      } catch (SQLException e) {
        rollback(connection);
        if (!Jdbc.isRetryable(e)) {
          throw commitFailure(e);
        }
        pauseBeforeRetry(attempt, Jdbc.translate(e, "committing"));
      }
    }
  }

  /** Waits a little before the next attempt, or throws when this was the last one. */
  private void pauseBeforeRetry(int attempt, Throwable conflict) {
    if (attempt >= MAX_ATTEMPTS) {
      throw new StorageException("the write conflicted with concurrent transactions " + attempt
          + " times in a row; giving up", conflict);
    }
    log.debug("a write on {} conflicted with a concurrent transaction (attempt {}); retrying", location, attempt,
        conflict);
    long bound = Math.min(MAX_BACKOFF_MILLIS, 1L << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while retrying a conflicting write", conflict);
    }
  }

  private StorageException commitFailure(SQLException e) {
    String state = e.getSQLState();
    if (state == null || state.startsWith("08")) {
      return new StorageException("the connection to " + location + " failed during COMMIT: the work may or may"
          + " not be stored", e);
    }
    return Jdbc.translate(e, "committing");
  }

  private Lock admit() {
    Lock lock = admission.readLock();
    lock.lock();
    if (closed) {
      lock.unlock();
      throw new StorageException("the store is closed");
    }
    return lock;
  }

  private Connection connect() {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new StorageException("cannot get a connection to " + location + ": " + e.getMessage(), e);
    }
  }

  /** Rolls back; a connection that cannot is evicted from the pool. Never throws. */
  private void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.warn("rolling back a transaction on {} failed; the connection is discarded", location, e);
      pool.evictConnection(connection);
    }
  }

  private void rollbackAndRelease(Connection connection) {
    rollback(connection);
    release(connection);
  }

  private static void release(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("returning a connection to the pool failed", e);
    }
  }

  private void requireOutsideWork(String call) {
    if (inWork.get() != null) {
      throw new IllegalStateException(call + " called from inside work of the same store");
    }
  }

  /**
   * The version of the newest migration in {@code db/migration/postgres}. A schema already at this
   * version is opened without starting Flyway (its class loading and validation cost about half a
   * second a start); any other schema (new, older, or from a newer Trent) goes through Flyway and
   * its advisory lock as before. A test keeps this constant equal to the newest migration file.
   */
  static final String SCHEMA_VERSION = "10";

  private static void migrate(String jdbcUrl, String user, String password, String location) {
    if (SCHEMA_VERSION.equals(appliedVersion(jdbcUrl, user, password))) {
      return;
    }
    try {
      Flyway.configure(PostgresStorage.class.getClassLoader())
          .dataSource(jdbcUrl, user, password)
          .locations(MIGRATIONS)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StorageException("cannot migrate the schema of " + location + ": " + e.getMessage(), e);
    }
  }

  /**
   * The newest successfully applied migration, or null when there is none, no history table, or
   * no connection (Flyway then reports what is wrong, as without this shortcut).
   */
  private static String appliedVersion(String jdbcUrl, String user, String password) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success"
            + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
      return r.next() ? r.getString(1) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  private static void checkServer(HikariDataSource pool, String location) {
    try (Connection connection = pool.getConnection()) {
      try {
        String encoding = show(connection, "server_encoding");
        if (!"UTF8".equals(encoding)) {
          throw new StorageException(location + " is encoded in " + encoding + ", not UTF8: it cannot store every"
              + " text Trent keeps");
        }
        if (!"on".equals(show(connection, "fsync"))) {
          log.warn("{} runs with fsync off: commits are not durable across a crash of its host", location);
        }
        if (!"on".equals(show(connection, "synchronous_commit"))) {
          throw new StorageException("synchronous_commit is not on for connections to " + location);
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw Jdbc.translate(e, "checking " + location);
    }
  }

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The URL without its parameters, which may hold a password: for messages. */
  private static String withoutParameters(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
  }
}
