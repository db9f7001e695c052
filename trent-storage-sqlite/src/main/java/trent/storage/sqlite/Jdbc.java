package trent.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import trent.storage.DuplicateRecordException;
import trent.storage.StorageException;

/** Conversions and error translation shared by the repositories. */
final class Jdbc {

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
      ps.setNull(index, java.sql.Types.INTEGER);
    } else {
      ps.setLong(index, toMicros(instant));
    }
  }

  static Instant getInstantOrNull(ResultSet rs, String column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? null : fromMicros(micros);
  }

  /** The driver returns null for a zero-length blob; our blob columns are NOT NULL. */
  static byte[] getBytes(ResultSet rs, String column) throws SQLException {
    byte[] bytes = rs.getBytes(column);
    return bytes == null ? new byte[0] : bytes;
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Translates a driver failure. A primary-key or unique violation means the record exists and
   * becomes {@link DuplicateRecordException}; anything else (including a foreign-key violation: a
   * record that names a key the store does not hold) is a plain {@link StorageException}.
   */
  static StorageException translate(SQLException e, String doing) {
    if (e instanceof SQLiteException sqlite) {
      SQLiteErrorCode code = sqlite.getResultCode();
      if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
        return new DuplicateRecordException(doing + ": the record already exists");
      }
      if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
        return new StorageException(doing + ": it refers to a key the store does not hold", e);
      }
    }
    return new StorageException(doing + " failed: " + e.getMessage(), e);
  }
}
