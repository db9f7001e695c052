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
import trent.storage.KeyMaterialRotationRecord;
import trent.storage.KeyRotationRecord;
import trent.storage.RotationRepository;
import trent.storage.StaleRecordException;

/**
 * Rotation settings and the record of rotations in a JDBC store, for SQLite and PostgreSQL alike:
 * what differs between them comes from the {@link SqlSession} (row locks, how a duplicate insert
 * shows).
 */
public final class JdbcRotationRepository implements RotationRepository {

  private static final String COLUMNS = "key_id, automatic_rotation_enabled, rotation_period_in_days,"
      + " next_rotation_date, on_demand_rotations, version";

  private final SqlSession tx;

  public JdbcRotationRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public Optional<KeyRotationRecord> find(String keyId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM key_rotations WHERE key_id = ?" + tx.rowLock())) {
      ps.setString(1, keyId);
      List<KeyRotationRecord> found = all(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    } catch (SQLException e) {
      throw tx.translate(e, "finding rotation settings of key " + keyId);
    }
  }

  @Override
  public void insert(KeyRotationRecord rotation) {
    JdbcChecks.requireNew(rotation.version(), "rotation settings of key " + rotation.keyId());
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO key_rotations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 0)" + tx.insertSuffix())) {
      ps.setString(1, rotation.keyId());
      bindBody(ps, rotation, 2);
      if (ps.executeUpdate() == 0 && tx.unchangedInsertIsDuplicate()) {
        throw new DuplicateRecordException("inserting rotation settings of key " + rotation.keyId()
            + ": the record already exists");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "inserting rotation settings of key " + rotation.keyId());
    }
  }

  @Override
  public KeyRotationRecord update(KeyRotationRecord rotation) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "UPDATE key_rotations SET automatic_rotation_enabled = ?, rotation_period_in_days = ?, next_rotation_date = ?,"
            + " on_demand_rotations = ?, version = version + 1 WHERE key_id = ? AND version = ?")) {
      bindBody(ps, rotation, 1);
      ps.setString(5, rotation.keyId());
      ps.setLong(6, rotation.version());
      if (ps.executeUpdate() == 0) {
        throw new StaleRecordException("rotation settings of key " + rotation.keyId()
            + " are not stored at version " + rotation.version());
      }
    } catch (SQLException e) {
      throw tx.translate(e, "updating rotation settings of key " + rotation.keyId());
    }
    return new KeyRotationRecord(rotation.keyId(), rotation.automaticRotationEnabled(), rotation.rotationPeriodInDays(),
        rotation.nextRotationDate(), rotation.onDemandRotations(), rotation.version() + 1);
  }

  @Override
  public List<KeyRotationRecord> listDue(Instant notAfter, int limit) {
    JdbcChecks.requireLimit(limit);
    try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM key_rotations"
        + " WHERE automatic_rotation_enabled = ? AND next_rotation_date <= ?"
        + " ORDER BY next_rotation_date, key_id LIMIT ?")) {
      // A parameter, not a literal: the column is a BOOLEAN in PostgreSQL and 0 or 1 in SQLite.
      ps.setBoolean(1, true);
      ps.setLong(2, JdbcColumns.toMicros(notAfter));
      ps.setInt(3, limit);
      return all(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing keys due for rotation");
    }
  }

  @Override
  public void addRotation(KeyMaterialRotationRecord rotation) {
    try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO key_material_rotations"
        + " (key_id, material_id, rotation_type, rotation_date) VALUES (?, ?, ?, ?)" + tx.insertSuffix())) {
      ps.setString(1, rotation.keyId());
      ps.setString(2, rotation.materialId());
      ps.setString(3, rotation.rotationType());
      ps.setLong(4, JdbcColumns.toMicros(rotation.rotationDate()));
      if (ps.executeUpdate() == 0 && tx.unchangedInsertIsDuplicate()) {
        throw new DuplicateRecordException("recording a rotation of key " + rotation.keyId()
            + ": the record already exists");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "recording a rotation of key " + rotation.keyId());
    }
  }

  @Override
  public List<KeyMaterialRotationRecord> listRotations(String keyId) {
    try (PreparedStatement ps = tx.connection().prepareStatement("SELECT key_id, material_id, rotation_type,"
        + " rotation_date FROM key_material_rotations WHERE key_id = ? ORDER BY rotation_date, seq")) {
      ps.setString(1, keyId);
      List<KeyMaterialRotationRecord> rotations = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rotations.add(new KeyMaterialRotationRecord(rs.getString("key_id"), rs.getString("material_id"),
              rs.getString("rotation_type"), JdbcColumns.fromMicros(rs.getLong("rotation_date"))));
        }
      }
      return rotations;
    } catch (SQLException e) {
      throw tx.translate(e, "listing rotations of key " + keyId);
    }
  }

  /** Binds every column but key_id and version, from {@code first} on (4 parameters). */
  private static void bindBody(PreparedStatement ps, KeyRotationRecord r, int first) throws SQLException {
    ps.setBoolean(first, r.automaticRotationEnabled());
    ps.setInt(first + 1, r.rotationPeriodInDays());
    JdbcColumns.setInstantOrNull(ps, first + 2, r.nextRotationDate(), Types.BIGINT);
    ps.setInt(first + 3, r.onDemandRotations());
  }

  private static List<KeyRotationRecord> all(PreparedStatement ps) throws SQLException {
    List<KeyRotationRecord> records = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        records.add(new KeyRotationRecord(
            rs.getString("key_id"),
            rs.getBoolean("automatic_rotation_enabled"),
            rs.getInt("rotation_period_in_days"),
            JdbcColumns.getInstantOrNull(rs, "next_rotation_date"),
            rs.getInt("on_demand_rotations"),
            rs.getLong("version")));
      }
    }
    return records;
  }
}
