package trent.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Deleting one copy of a key (a single-Region key, or one copy of a multi-Region key) with what
 * belongs to it, the same in every JDBC store: the copy's grants, tags and aliases, the copy, and,
 * when it was the last copy of its key id, what the copies shared (material, rotations, last
 * usage, imported material and import parameters).
 */
public final class KeyCopyDeletion {

  /** Tables whose rows belong to one copy: (key_id, region). */
  private static final List<String> PER_COPY = List.of("grants", "tags");

  /** Tables whose rows the copies of a key id share: key_id only. */
  private static final List<String> SHARED = List.of("key_materials", "key_rotations", "key_material_rotations",
      "key_last_usage", "import_parameters", "imported_key_materials");

  private KeyCopyDeletion() {}

  /** Deletes the copy in {@code region} of {@code keyId}; returns whether there was one. */
  public static boolean delete(Connection c, String keyId, String region) throws SQLException {
    for (String table : PER_COPY) {
      execute(c, "DELETE FROM " + table + " WHERE key_id = ? AND region = ?", keyId, region);
    }
    execute(c, "DELETE FROM aliases WHERE target_key_id = ? AND region = ?", keyId, region);
    boolean deleted = execute(c, "DELETE FROM keys WHERE key_id = ? AND region = ?", keyId, region) > 0;
    if (!anyCopy(c, keyId)) {
      for (String table : SHARED) {
        execute(c, "DELETE FROM " + table + " WHERE key_id = ?", keyId);
      }
    }
    return deleted;
  }

  private static boolean anyCopy(Connection c, String keyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM keys WHERE key_id = ? LIMIT 1")) {
      ps.setString(1, keyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int execute(Connection c, String sql, String... parameters) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setString(i + 1, parameters[i]);
      }
      return ps.executeUpdate();
    }
  }
}
