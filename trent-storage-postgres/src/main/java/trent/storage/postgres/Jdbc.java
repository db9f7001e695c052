package trent.storage.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import trent.storage.DuplicateRecordException;
import trent.storage.StorageException;
import trent.storage.jdbc.JdbcColumns;

/** Conversions and error translation shared by the repositories. */
final class Jdbc {

  /** SQLSTATE unique_violation. */
  static final String UNIQUE_VIOLATION = "23505";
  /** SQLSTATE foreign_key_violation. */
  static final String FOREIGN_KEY_VIOLATION = "23503";
  /** SQLSTATE serialization_failure. */
  static final String SERIALIZATION_FAILURE = "40001";
  /** SQLSTATE deadlock_detected. */
  static final String DEADLOCK_DETECTED = "40P01";
  /** SQLSTATE read_only_sql_transaction. */
  static final String READ_ONLY_TRANSACTION = "25006";
  /** SQLSTATE in_failed_sql_transaction. */
  static final String IN_FAILED_TRANSACTION = "25P02";

  private Jdbc() {}

  static long toMicros(Instant instant) {
    return JdbcColumns.toMicros(instant);
  }

  static Instant fromMicros(long micros) {
    return JdbcColumns.fromMicros(micros);
  }

  static void setInstantOrNull(PreparedStatement ps, int index, Instant instant) throws SQLException {
    JdbcColumns.setInstantOrNull(ps, index, instant, Types.BIGINT);
  }

  static Instant getInstantOrNull(ResultSet rs, String column) throws SQLException {
    return JdbcColumns.getInstantOrNull(rs, column);
  }

  static boolean isRetryable(SQLException e) {
    String state = e.getSQLState();
    return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
  }

  /**
   * Translates a driver failure. A primary-key or unique violation means the record exists and
   * becomes {@link DuplicateRecordException}; a serialization failure or deadlock becomes
   * {@link ConflictException}, which {@link PostgresStorage#write} retries; anything else
   * (including a foreign-key violation: a record that names a key the store does not hold) is a
   * plain {@link StorageException}.
   */
  static StorageException translate(SQLException e, String doing) {
    String state = e.getSQLState();
    if (UNIQUE_VIOLATION.equals(state)) {
      return new DuplicateRecordException(doing + ": the record already exists");
    }
    if (FOREIGN_KEY_VIOLATION.equals(state)) {
      return new StorageException(doing + ": it refers to a key the store does not hold", e);
    }
    if (isRetryable(e)) {
      return new ConflictException(doing + ": conflict with a concurrent transaction (SQLSTATE " + state + ")", e);
    }
    if (READ_ONLY_TRANSACTION.equals(state)) {
      return new StorageException(doing + ": work passed to read must not write", e);
    }
    if (IN_FAILED_TRANSACTION.equals(state)) {
      return new StorageException(doing + ": an earlier statement of this unit of work failed,"
          + " so the transaction can only be rolled back", e);
    }
    return new StorageException(doing + " failed (SQLSTATE " + state + "): " + e.getMessage(), e);
  }
}
