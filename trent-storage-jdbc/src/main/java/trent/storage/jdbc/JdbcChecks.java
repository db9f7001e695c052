package trent.storage.jdbc;

/** Argument checks the JDBC repositories share. */
public final class JdbcChecks {

  private JdbcChecks() {}

  /** @throws IllegalArgumentException when a record to insert does not have version 0 */
  public static void requireNew(long version, String what) {
    if (version != 0) {
      throw new IllegalArgumentException(what + ": a new record must have version 0, not " + version);
    }
  }

  /** @throws IllegalArgumentException when a page limit is negative */
  public static void requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }
}
