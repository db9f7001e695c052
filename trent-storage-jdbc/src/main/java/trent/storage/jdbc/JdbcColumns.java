package trent.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Column conversions the JDBC stores share: instants as epoch microseconds, NOT NULL blobs. */
public final class JdbcColumns {

  private JdbcColumns() {}

  /**
   * An instant as epoch microseconds. Digits finer than a microsecond are dropped (the instant is
   * truncated towards the past, as {@code Instant.truncatedTo(ChronoUnit.MICROS)} does).
   *
   * @throws IllegalArgumentException when the instant is outside about ±292,000 years of 1970
   */
  public static long toMicros(Instant instant) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("instant out of the storable range: " + instant, e);
    }
  }

  public static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** Binds an instant, or SQL NULL of {@code nullType} (a {@link java.sql.Types} constant). */
  public static void setInstantOrNull(PreparedStatement ps, int index, Instant instant, int nullType)
      throws SQLException {
    if (instant == null) {
      ps.setNull(index, nullType);
    } else {
      ps.setLong(index, toMicros(instant));
    }
  }

  public static Instant getInstantOrNull(ResultSet rs, String column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? null : fromMicros(micros);
  }

  /**
   * A NOT NULL blob column; an empty value reads back as an empty array, never null (the SQLite
   * driver returns null for a zero-length blob).
   */
  public static byte[] getBytes(ResultSet rs, String column) throws SQLException {
    byte[] bytes = rs.getBytes(column);
    return bytes == null ? new byte[0] : bytes;
  }
}
