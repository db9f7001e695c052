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
import trent.storage.jdbc.JdbcColumns;

/** Conversions and error translation shared by the repositories. */
final class Jdbc {

  private Jdbc() {}

  static long toMicros(Instant instant) {
    return JdbcColumns.toMicros(instant);
  }

  static Instant fromMicros(long micros) {
    return JdbcColumns.fromMicros(micros);
  }

  static void setInstantOrNull(PreparedStatement ps, int index, Instant instant) throws SQLException {
    JdbcColumns.setInstantOrNull(ps, index, instant, java.sql.Types.INTEGER);
  }

  static Instant getInstantOrNull(ResultSet rs, String column) throws SQLException {
    return JdbcColumns.getInstantOrNull(rs, column);
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
