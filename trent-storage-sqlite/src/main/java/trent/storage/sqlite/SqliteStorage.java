package trent.storage.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import trent.storage.Storage;
import trent.storage.StorageException;

/**
 * Trent's storage in one SQLite database file, for a single Trent process.
 *
 * <p>Guarantees, beyond those of {@link Storage}:
 * <ul>
 *   <li><b>Durability.</b> The database runs in WAL mode with {@code synchronous=FULL}: a
 *       {@link #write} returns only after the {@code COMMIT} that holds its work, and so after the
 *       WAL was fsynced. Acknowledged work survives the process being killed ({@code kill -9}), and
 *       an operating-system crash or power loss as far as the disk honours fsync.
 *   <li><b>Group commit.</b> One thread owns the only write connection. Writes queued while it is
 *       busy are run together in one transaction, each in its own savepoint: a unit that throws is
 *       rolled back alone and its caller gets the exception it threw, unchanged, while the other
 *       units commit. If the commit itself fails, every unit of the batch fails with
 *       {@link StorageException} and none is stored.
 *   <li><b>Reads</b> run on the caller's thread over a small pool of query-only connections, each in
 *       its own transaction: one snapshot, which includes every write that returned before the read
 *       began. Work passed to {@link #read} cannot write; trying fails with {@link StorageException}.
 *   <li><b>Instants</b> are stored as epoch microseconds. Finer digits are dropped (truncated
 *       towards the past), so an instant with at most microsecond precision reads back equal.
 *       Instants more than about 292,000 years from 1970 are rejected with
 *       {@link IllegalArgumentException}.
 *   <li><b>Order.</b> Lists sort text by its UTF-8 bytes, which is Unicode code point order.
 *   <li><b>Integrity.</b> Key material, aliases and tags must name a stored key; otherwise the
 *       insert fails with {@link StorageException}. A primary-key or unique violation is
 *       {@link trent.storage.DuplicateRecordException}. Foreign keys are enforced.
 *   <li><b>Misuse</b> is refused rather than deadlocked: calling {@code read}, {@code write} or
 *       {@code close} from inside work of the same store throws {@link IllegalStateException}.
 *   <li><b>Close</b> stops admitting work, waits for every queued write to commit or fail, and
 *       closes the connections. Later calls throw {@link StorageException}. It is idempotent.
 * </ul>
 * A database file is meant for one Trent process. A second process would not corrupt it (SQLite
 * locks the file), but the two would contend for the write lock (busy timeout 10 s) and neither
 * would know the other changed anything.
 */
public final class SqliteStorage implements Storage {

  private static final int READERS = 4;
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;
  private static final String MIGRATIONS = "classpath:db/migration/sqlite";

  private final Path databaseFile;
  private final GroupCommitWriter writer;
  private final ReaderPool readers;
  private final ThreadLocal<Boolean> inReadWork = new ThreadLocal<>();

  private SqliteStorage(Path databaseFile, GroupCommitWriter writer, ReaderPool readers) {
    this.databaseFile = databaseFile;
    this.writer = writer;
    this.readers = readers;
  }

  /**
   * Opens the database at {@code databaseFile}, creating the file and its parent directories when
   * missing, and brings its schema up to date (Flyway, migrations in {@code db/migration/sqlite}).
   *
   * @throws StorageException when the file cannot be created or opened, or a migration fails
   */
  public static SqliteStorage open(Path databaseFile) {
    NativeLibraryCache.install();
    Path file = databaseFile.toAbsolutePath();
    String url = "jdbc:sqlite:" + file;
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new StorageException("cannot create the directory of " + file, e);
    }
    migrate(url, file);
    syncDirectory(file.getParent());
    Connection writeConnection = connect(url, writerConfig(), file);
    ReaderPool readers;
    try {
      readers = new ReaderPool(READERS, () -> connectReader(url, file));
    } catch (RuntimeException e) {
      closeQuietly(writeConnection);
      throw e;
    }
    GroupCommitWriter writer = new GroupCommitWriter(writeConnection, "trent-sqlite-writer " + file.getFileName());
    return new SqliteStorage(file, writer, readers);
  }

  /**
   * Loads the driver and its native library now. Optional: {@link #open} does it when needed; a
   * start may call this on another thread to overlap it with other work.
   */
  public static void preload() {
    NativeLibraryCache.install();
    try {
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception e) {
      // open reports it
    }
  }

  @Override
  public <T> T read(Work<T> work) {
    requireOutsideWork("read");
    Connection connection = readers.acquire();
    SqliteTransaction tx = new SqliteTransaction(connection);
    inReadWork.set(Boolean.TRUE);
    try {
      Jdbc.execute(connection, "BEGIN");
      return work.run(tx);
    } catch (SQLException e) {
      throw Jdbc.translate(e, "starting a read");
    } finally {
      inReadWork.remove();
      tx.end();
      try {
        Jdbc.execute(connection, "ROLLBACK");
        readers.release(connection);
      } catch (SQLException e) {
        readers.discard(connection);
      }
    }
  }

  @Override
  public <T> T write(Work<T> work) {
    requireOutsideWork("write");
    return writer.submit(work);
  }

  @Override
  public void close() {
    requireOutsideWork("close");
    writer.close();
    readers.close();
  }

  @Override
  public String toString() {
    return "SqliteStorage[" + databaseFile + "]";
  }

  private void requireOutsideWork(String call) {
    if (writer.isWriterThread() || inReadWork.get() != null) {
      throw new IllegalStateException(call + " called from inside work of the same store");
    }
  }

  /**
   * The version of the newest migration in {@code db/migration/sqlite}. A store already at this
   * version is opened without starting Flyway, which costs about half a second; any other store
   * (new, older, or from a newer Trent) goes through Flyway as usual. A test keeps this constant
   * equal to the newest migration file.
   */
  static final String SCHEMA_VERSION = "10";

  private static void migrate(String url, Path file) {
    SQLiteDataSource dataSource = new SQLiteDataSource(writerConfig());
    dataSource.setUrl(url);
    if (SCHEMA_VERSION.equals(appliedVersion(dataSource))) {
      return;
    }
    try {
      Flyway.configure(SqliteStorage.class.getClassLoader())
          .dataSource(dataSource)
          .locations(MIGRATIONS)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StorageException("cannot migrate the schema of " + file, e);
    }
  }

  /** The newest successfully applied migration, or null when there is none or no history table. */
  private static String appliedVersion(SQLiteDataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1"
            + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
      return r.next() ? r.getString(1) : null;
    } catch (java.sql.SQLException e) {
      return null; // no history table yet: a new database, Flyway creates it
    }
  }

  private static SQLiteConfig writerConfig() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return config;
  }

  private static Connection connectReader(String url, Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    Connection connection = connect(url, config, file);
    try {
      Jdbc.execute(connection, "PRAGMA query_only = ON");
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw Jdbc.translate(e, "opening a read connection to " + file);
    }
  }

  private static Connection connect(String url, SQLiteConfig config, Path file) {
    try {
      return config.createConnection(url);
    } catch (SQLException e) {
      throw Jdbc.translate(e, "opening " + file);
    }
  }

  /**
   * Makes the new database file's directory entry durable. SQLite syncs the directory when it
   * creates a journal or WAL file, but not when it creates the database file itself.
   */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not every platform can open a directory (Windows cannot); the file is synced regardless.
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // already failing; the first error is the one to report
    }
  }
}
