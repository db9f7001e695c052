package trent.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trent.storage.DuplicateRecordException;
import trent.storage.KeyMaterialRecord;
import trent.storage.KeyMaterialRepository;

public final class JdbcKeyMaterialRepository implements KeyMaterialRepository {

  private static final String COLUMNS = "key_id, material_id, wrapped_material, created_at";

  private final SqlSession tx;

  public JdbcKeyMaterialRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public Optional<KeyMaterialRecord> find(String keyId, String materialId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM key_materials WHERE key_id = ? AND material_id = ?")) {
      ps.setString(1, keyId);
      ps.setString(2, materialId);
      List<KeyMaterialRecord> found = all(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    } catch (SQLException e) {
      throw tx.translate(e, "finding material " + materialId + " of key " + keyId);
    }
  }

  /** Oldest first; material made at the same instant comes in the order it was inserted. */
  @Override
  public List<KeyMaterialRecord> list(String keyId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM key_materials WHERE key_id = ? ORDER BY created_at, seq")) {
      ps.setString(1, keyId);
      return all(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing material of key " + keyId);
    }
  }

  @Override
  public void insert(KeyMaterialRecord material) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO key_materials (" + COLUMNS + ") VALUES (?, ?, ?, ?)" + tx.insertSuffix())) {
      ps.setString(1, material.keyId());
      ps.setString(2, material.materialId());
      ps.setBytes(3, material.wrappedMaterial());
      ps.setLong(4, JdbcColumns.toMicros(material.createdAt()));
      if (ps.executeUpdate() == 0 && tx.unchangedInsertIsDuplicate()) {
        throw new DuplicateRecordException("inserting material " + material.materialId() + " of key "
            + material.keyId() + ": the record already exists");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "inserting material " + material.materialId() + " of key " + material.keyId());
    }
  }

  @Override
  public boolean replaceWrapped(String keyId, String materialId, byte[] expected, byte[] replacement) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "UPDATE key_materials SET wrapped_material = ? WHERE key_id = ? AND material_id = ? AND wrapped_material = ?")) {
      ps.setBytes(1, replacement);
      ps.setString(2, keyId);
      ps.setString(3, materialId);
      ps.setBytes(4, expected);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw tx.translate(e, "rewrapping material " + materialId + " of key " + keyId);
    }
  }

  private static List<KeyMaterialRecord> all(PreparedStatement ps) throws SQLException {
    List<KeyMaterialRecord> materials = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        materials.add(new KeyMaterialRecord(
            rs.getString("key_id"),
            rs.getString("material_id"),
            JdbcColumns.getBytes(rs, "wrapped_material"),
            JdbcColumns.fromMicros(rs.getLong("created_at"))));
      }
    }
    return materials;
  }
}
