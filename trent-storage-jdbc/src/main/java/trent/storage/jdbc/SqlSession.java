package trent.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import trent.storage.DuplicateRecordException;
import trent.storage.StorageException;

/**
 * One store's transaction, as the shared repositories see it: the connection its statements run
 * on, how a driver failure becomes a {@link StorageException}, and how an insert of a record that
 * already exists is told apart.
 */
public interface SqlSession {

  /**
   * The connection of this unit of work.
   *
   * @throws IllegalStateException when the unit of work has already returned
   */
  Connection connection();

  /**
   * Translates a failure of a statement of this unit of work: a primary-key or unique violation
   * becomes {@link DuplicateRecordException}, anything else some other {@link StorageException}.
   */
  StorageException translate(SQLException e, String doing);

  /**
   * What a {@code SELECT} that finds one record to update ends with: in a PostgreSQL write,
   * {@code " FOR NO KEY UPDATE"}, so that the row stays as read until the transaction ends;
   * otherwise {@code ""} (SQLite writes one transaction at a time).
   */
  String rowLock();

  /**
   * What a {@code SELECT} of a row about to be deleted ends with: {@code " FOR UPDATE"} in
   * PostgreSQL, the lock that also holds off transactions inserting rows that refer to it (their
   * foreign keys take {@code FOR KEY SHARE}, which {@link #rowLock()} lets through); {@code ""} in
   * SQLite, which writes one transaction at a time.
   */
  String deleteLock();

  /**
   * What a plain {@code INSERT} of a record with a primary key ends with: {@code ""} when a
   * duplicate fails the statement (and that failure is harmless), or {@code " ON CONFLICT DO
   * NOTHING"} when a failed statement would spoil the whole transaction (PostgreSQL aborts it), so
   * that a duplicate inserts nothing instead. Then {@link #unchangedInsertIsDuplicate()} is true.
   */
  String insertSuffix();

  /** Whether an insert ended with {@link #insertSuffix()} that changed no row met a duplicate. */
  boolean unchangedInsertIsDuplicate();
}
