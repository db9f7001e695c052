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
import trent.storage.KeyRecord;
import trent.storage.KeyRepository;
import trent.storage.StaleRecordException;

/**
 * Keys in a JDBC store, one row per copy (key id and Region), for SQLite and PostgreSQL alike: what
 * differs between them comes from the {@link SqlSession} (row locks, how a duplicate insert shows).
 */
public final class JdbcKeyRepository implements KeyRepository {

  private static final String COLUMNS = "key_id, account, region, description, key_spec, key_usage, origin, key_state,"
      + " creation_date, deletion_date, pending_window_in_days, multi_region, policy, current_material_id, version,"
      + " custom_key_store_id, xks_key_id, primary_region";

  private final SqlSession tx;

  public JdbcKeyRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public Optional<KeyRecord> find(String keyId, String region) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM keys WHERE key_id = ? AND region = ?" + tx.rowLock())) {
      ps.setString(1, keyId);
      ps.setString(2, region);
      return Optional.ofNullable(single(ps));
    } catch (SQLException e) {
      throw tx.translate(e, "finding key " + keyId + " in " + region);
    }
  }

  @Override
  public List<KeyRecord> findCopies(String keyId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM keys WHERE key_id = ? ORDER BY region" + tx.rowLock())) {
      ps.setString(1, keyId);
      return all(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "finding the copies of key " + keyId);
    }
  }

  @Override
  public void insert(KeyRecord key) {
    JdbcChecks.requireNew(key.version(), "key " + key.keyId());
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + tx.insertSuffix())) {
      ps.setString(1, key.keyId());
      bindBody(ps, key, 2);
      ps.setLong(15, 0);
      ps.setString(16, key.customKeyStoreId());
      ps.setString(17, key.xksKeyId());
      ps.setString(18, key.primaryRegion());
      if (ps.executeUpdate() == 0 && tx.unchangedInsertIsDuplicate()) {
        throw new DuplicateRecordException("inserting key " + key.keyId() + ": the record already exists");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "inserting key " + key.keyId());
    }
  }

  @Override
  public KeyRecord update(KeyRecord key) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "UPDATE keys SET account = ?, region = ?, description = ?, key_spec = ?, key_usage = ?, origin = ?,"
            + " key_state = ?, creation_date = ?, deletion_date = ?, pending_window_in_days = ?, multi_region = ?,"
            + " policy = ?, current_material_id = ?, custom_key_store_id = ?, xks_key_id = ?, primary_region = ?,"
            + " version = version + 1 WHERE key_id = ? AND region = ? AND version = ?")) {
      bindBody(ps, key, 1);
      ps.setString(14, key.customKeyStoreId());
      ps.setString(15, key.xksKeyId());
      ps.setString(16, key.primaryRegion());
      ps.setString(17, key.keyId());
      ps.setString(18, key.region());
      ps.setLong(19, key.version());
      if (ps.executeUpdate() == 0) {
        throw new StaleRecordException("key " + key.keyId() + " is not stored at version " + key.version());
      }
    } catch (SQLException e) {
      throw tx.translate(e, "updating key " + key.keyId());
    }
    return key.withVersion(key.version() + 1);
  }

  /**
   * Locks the key row first ({@link SqlSession#deleteLock()}): a concurrent transaction adding
   * material, an alias or a tag to the key either commits before, and its record is deleted with
   * the key, or waits and then fails because the key is gone.
   */
  @Override
  public boolean delete(String keyId, String region) {
    try {
      try (PreparedStatement ps = tx.connection().prepareStatement(
          "SELECT 1 FROM keys WHERE key_id = ? AND region = ?" + tx.deleteLock())) {
        ps.setString(1, keyId);
        ps.setString(2, region);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
        }
      }
      return KeyCopyDeletion.delete(tx.connection(), keyId, region);
    } catch (SQLException e) {
      throw tx.translate(e, "deleting key " + keyId + " in " + region);
    }
  }

  @Override
  public List<KeyRecord> list(String account, String region, String afterKeyId, int limit) {
    JdbcChecks.requireLimit(limit);
    String sql = "SELECT " + COLUMNS + " FROM keys WHERE account = ? AND region = ?"
        + (afterKeyId == null ? "" : " AND key_id > ?") + " ORDER BY key_id LIMIT ?";
    try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, account);
      ps.setString(i++, region);
      if (afterKeyId != null) {
        ps.setString(i++, afterKeyId);
      }
      ps.setInt(i, limit);
      return all(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing keys");
    }
  }

  @Override
  public List<KeyRecord> listAll(String afterKeyId, String afterRegion, int limit) {
    JdbcChecks.requireLimit(limit);
    String sql = "SELECT " + COLUMNS + " FROM keys"
        + (afterKeyId == null ? "" : afterRegion == null ? " WHERE key_id > ?" : " WHERE key_id > ? OR (key_id = ? AND region > ?)")
        + " ORDER BY key_id, region LIMIT ?";
    try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
      int i = 1;
      if (afterKeyId != null) {
        ps.setString(i++, afterKeyId);
        if (afterRegion != null) {
          ps.setString(i++, afterKeyId);
          ps.setString(i++, afterRegion);
        }
      }
      ps.setInt(i, limit);
      return all(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing keys");
    }
  }

  @Override
  public List<KeyRecord> listDeletionDue(String keyState, Instant notAfter, int limit) {
    JdbcChecks.requireLimit(limit);
    try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM keys"
        + " WHERE key_state = ? AND deletion_date <= ? ORDER BY deletion_date, key_id, region LIMIT ?")) {
      ps.setString(1, keyState);
      ps.setLong(2, JdbcColumns.toMicros(notAfter));
      ps.setInt(3, limit);
      return all(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing keys due for deletion");
    }
  }

  /** Binds every column but key_id and version, from {@code first} on (13 parameters). */
  private static void bindBody(PreparedStatement ps, KeyRecord key, int first) throws SQLException {
    int i = first;
    ps.setString(i++, key.account());
    ps.setString(i++, key.region());
    ps.setString(i++, key.description());
    ps.setString(i++, key.keySpec());
    ps.setString(i++, key.keyUsage());
    ps.setString(i++, key.origin());
    ps.setString(i++, key.keyState());
    ps.setLong(i++, JdbcColumns.toMicros(key.creationDate()));
    JdbcColumns.setInstantOrNull(ps, i++, key.deletionDate(), Types.BIGINT);
    if (key.pendingWindowInDays() == null) {
      ps.setNull(i++, Types.INTEGER);
    } else {
      ps.setInt(i++, key.pendingWindowInDays());
    }
    ps.setBoolean(i++, key.multiRegion());
    ps.setString(i++, key.policy());
    ps.setString(i, key.currentMaterialId());
  }

  private static KeyRecord single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? map(rs) : null;
    }
  }

  private static List<KeyRecord> all(PreparedStatement ps) throws SQLException {
    List<KeyRecord> keys = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        keys.add(map(rs));
      }
    }
    return keys;
  }

  private static KeyRecord map(ResultSet rs) throws SQLException {
    int window = rs.getInt("pending_window_in_days");
    Integer pendingWindowInDays = rs.wasNull() ? null : window;
    return new KeyRecord(
        rs.getString("key_id"),
        rs.getString("account"),
        rs.getString("region"),
        rs.getString("description"),
        rs.getString("key_spec"),
        rs.getString("key_usage"),
        rs.getString("origin"),
        rs.getString("key_state"),
        JdbcColumns.fromMicros(rs.getLong("creation_date")),
        JdbcColumns.getInstantOrNull(rs, "deletion_date"),
        pendingWindowInDays,
        rs.getBoolean("multi_region"),
        rs.getString("policy"),
        rs.getString("current_material_id"),
        rs.getLong("version"),
        rs.getString("custom_key_store_id"),
        rs.getString("xks_key_id"),
        rs.getString("primary_region"));
  }
}
