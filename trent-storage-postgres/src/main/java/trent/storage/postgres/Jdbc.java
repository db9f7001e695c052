package trent.storage.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import trent.storage.DuplicateRecordException;
import trent.storage.StorageException;

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

  /**
   * An instant as epoch microseconds. Digits finer than a microsecond are dropped (the instant is
   * truncated towards the past, as {@code Instant.truncatedTo(ChronoUnit.MICROS)} does).
   *
   * @throws IllegalArgumentException when the instant is outside about ±292,000 years of 1970
   */
  static long toMicros(Instant instant) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("instant out of the storable range: " + instant, e);
    }
  }

  static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  static void setInstantOrNull(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, toMicros(instant));
    }
  }

  static Instant getInstantOrNull(ResultSet rs, String column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? null : fromMicros(micros);
  }

  /** A NOT NULL bytea column; an empty value reads back as an empty array, never null. */
  static byte[] getBytes(ResultSet rs, String column) throws SQLException {
    byte[] bytes = rs.getBytes(column);
    return bytes == null ? new byte[0] : bytes;
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
