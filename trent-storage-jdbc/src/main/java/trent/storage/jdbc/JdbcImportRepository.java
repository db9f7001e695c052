package trent.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trent.storage.DuplicateRecordException;
import trent.storage.ImportParametersRecord;
import trent.storage.ImportRepository;
import trent.storage.ImportedMaterialRecord;
import trent.storage.StaleRecordException;

/** Import parameters and imported material (schema V5), for SQLite and PostgreSQL alike. */
public final class JdbcImportRepository implements ImportRepository {

  private static final String PARAMETER_COLUMNS = "parameters_id, key_id, wrapping_algorithm, wrapping_key_spec,"
      + " wrapped_private_key, token_secret_digest, valid_to, created_at";
  private static final String MATERIAL_COLUMNS = "key_id, material_id, import_state, expiration_model, valid_to,"
      + " description, wrapped_digest, pending_rotation, imported_at, version";

  private final SqlSession tx;

  public JdbcImportRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public Optional<ImportParametersRecord> findParameters(String parametersId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT " + PARAMETER_COLUMNS + " FROM import_parameters WHERE parameters_id = ?")) {
      ps.setString(1, parametersId);
      List<ImportParametersRecord> found = parameters(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    } catch (SQLException e) {
      throw tx.translate(e, "finding import parameters " + parametersId);
    }
  }

  @Override
  public void insertParameters(ImportParametersRecord p) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO import_parameters (" + PARAMETER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + tx.insertSuffix())) {
      ps.setString(1, p.parametersId());
      ps.setString(2, p.keyId());
      ps.setString(3, p.wrappingAlgorithm());
      ps.setString(4, p.wrappingKeySpec());
      ps.setBytes(5, p.wrappedPrivateKey());
      ps.setString(6, p.tokenSecretDigest());
      ps.setLong(7, JdbcColumns.toMicros(p.validTo()));
      ps.setLong(8, JdbcColumns.toMicros(p.createdAt()));
      if (ps.executeUpdate() == 0 && tx.unchangedInsertIsDuplicate()) {
        throw new DuplicateRecordException("inserting import parameters " + p.parametersId() + ": they exist");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "inserting import parameters " + p.parametersId() + " of key " + p.keyId());
    }
  }

  @Override
  public List<ImportParametersRecord> listParameters(String keyId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT " + PARAMETER_COLUMNS + " FROM import_parameters WHERE key_id = ? ORDER BY created_at, parameters_id")) {
      ps.setString(1, keyId);
      return parameters(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing import parameters of key " + keyId);
    }
  }

  @Override
  public boolean replaceWrappedPrivateKey(String parametersId, byte[] expected, byte[] replacement) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "UPDATE import_parameters SET wrapped_private_key = ? WHERE parameters_id = ? AND wrapped_private_key = ?")) {
      ps.setBytes(1, replacement);
      ps.setString(2, parametersId);
      ps.setBytes(3, expected);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw tx.translate(e, "rewrapping import parameters " + parametersId);
    }
  }

  @Override
  public int deleteParametersExpiredBefore(Instant before) {
    try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM import_parameters WHERE valid_to < ?")) {
      ps.setLong(1, JdbcColumns.toMicros(before));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw tx.translate(e, "deleting expired import parameters");
    }
  }

  @Override
  public Optional<ImportedMaterialRecord> findMaterial(String keyId, String materialId) {
    try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + MATERIAL_COLUMNS
        + " FROM imported_key_materials WHERE key_id = ? AND material_id = ?" + tx.rowLock())) {
      ps.setString(1, keyId);
      ps.setString(2, materialId);
      List<ImportedMaterialRecord> found = materials(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    } catch (SQLException e) {
      throw tx.translate(e, "finding imported material " + materialId + " of key " + keyId);
    }
  }

  @Override
  public List<ImportedMaterialRecord> listMaterials(String keyId) {
    try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + MATERIAL_COLUMNS
        + " FROM imported_key_materials WHERE key_id = ? ORDER BY seq")) {
      ps.setString(1, keyId);
      return materials(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing imported material of key " + keyId);
    }
  }

  @Override
  public void insertMaterial(ImportedMaterialRecord m) {
    JdbcChecks.requireNew(m.version(), "inserting imported material " + m.materialId());
    try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO imported_key_materials ("
        + MATERIAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + tx.insertSuffix())) {
      ps.setString(1, m.keyId());
      ps.setString(2, m.materialId());
      bindBody(ps, m, 3);
      ps.setLong(10, 0);
      if (ps.executeUpdate() == 0 && tx.unchangedInsertIsDuplicate()) {
        throw new DuplicateRecordException("inserting imported material " + m.materialId() + " of key " + m.keyId()
            + ": the record already exists");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "inserting imported material " + m.materialId() + " of key " + m.keyId());
    }
  }

  @Override
  public ImportedMaterialRecord updateMaterial(ImportedMaterialRecord m) {
    try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE imported_key_materials SET import_state = ?,"
        + " expiration_model = ?, valid_to = ?, description = ?, wrapped_digest = ?, pending_rotation = ?,"
        + " imported_at = ?, version = version + 1 WHERE key_id = ? AND material_id = ? AND version = ?")) {
      bindBody(ps, m, 1);
      ps.setString(8, m.keyId());
      ps.setString(9, m.materialId());
      ps.setLong(10, m.version());
      if (ps.executeUpdate() == 0) {
        throw new StaleRecordException("imported material " + m.materialId() + " of key " + m.keyId()
            + " is not stored at version " + m.version());
      }
    } catch (SQLException e) {
      throw tx.translate(e, "updating imported material " + m.materialId() + " of key " + m.keyId());
    }
    return new ImportedMaterialRecord(m.keyId(), m.materialId(), m.importState(), m.expirationModel(), m.validTo(),
        m.description(), m.wrappedDigest(), m.pendingRotation(), m.importedAt(), m.version() + 1);
  }

  @Override
  public List<ImportedMaterialRecord> listExpiring(Instant notAfter, int limit) {
    JdbcChecks.requireLimit(limit);
    try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + MATERIAL_COLUMNS
        + " FROM imported_key_materials WHERE import_state = 'IMPORTED' AND valid_to IS NOT NULL AND valid_to <= ?"
        + " ORDER BY valid_to, key_id, material_id LIMIT ?")) {
      ps.setLong(1, JdbcColumns.toMicros(notAfter));
      ps.setInt(2, limit);
      return materials(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing expiring imported material");
    }
  }

  /** Binds import state .. imported at (seven parameters) from {@code first}. */
  private static void bindBody(PreparedStatement ps, ImportedMaterialRecord m, int first) throws SQLException {
    ps.setString(first, m.importState());
    ps.setString(first + 1, m.expirationModel());
    JdbcColumns.setInstantOrNull(ps, first + 2, m.validTo(), Types.BIGINT);
    if (m.description() == null) {
      ps.setNull(first + 3, Types.VARCHAR);
    } else {
      ps.setString(first + 3, m.description());
    }
    ps.setBytes(first + 4, m.wrappedDigest());
    ps.setBoolean(first + 5, m.pendingRotation());
    ps.setLong(first + 6, JdbcColumns.toMicros(m.importedAt()));
  }

  private static List<ImportParametersRecord> parameters(PreparedStatement ps) throws SQLException {
    List<ImportParametersRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new ImportParametersRecord(rs.getString("parameters_id"), rs.getString("key_id"),
            rs.getString("wrapping_algorithm"), rs.getString("wrapping_key_spec"),
            JdbcColumns.getBytes(rs, "wrapped_private_key"), rs.getString("token_secret_digest"),
            JdbcColumns.fromMicros(rs.getLong("valid_to")), JdbcColumns.fromMicros(rs.getLong("created_at"))));
      }
    }
    return out;
  }

  private static List<ImportedMaterialRecord> materials(PreparedStatement ps) throws SQLException {
    List<ImportedMaterialRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new ImportedMaterialRecord(rs.getString("key_id"), rs.getString("material_id"),
            rs.getString("import_state"), rs.getString("expiration_model"), JdbcColumns.getInstantOrNull(rs, "valid_to"),
            rs.getString("description"), JdbcColumns.getBytes(rs, "wrapped_digest"), rs.getBoolean("pending_rotation"),
            JdbcColumns.fromMicros(rs.getLong("imported_at")), rs.getLong("version")));
      }
    }
    return out;
  }
}
