package trent.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import trent.storage.KeyUsageRecord;
import trent.storage.KeyUsageRepository;

public final class JdbcKeyUsageRepository implements KeyUsageRepository {

  private final SqlSession tx;

  public JdbcKeyUsageRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public Optional<KeyUsageRecord> find(String keyId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT key_id, operation, used_at, request_id FROM key_last_usage WHERE key_id = ?")) {
      ps.setString(1, keyId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new KeyUsageRecord(rs.getString("key_id"), rs.getString("operation"),
            JdbcColumns.fromMicros(rs.getLong("used_at")), rs.getString("request_id")));
      }
    } catch (SQLException e) {
      throw tx.translate(e, "finding the last use of key " + keyId);
    }
  }

  @Override
  public void recordIfLater(KeyUsageRecord usage) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO key_last_usage (key_id, operation, used_at, request_id)"
            + " SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM keys WHERE key_id = ?)"
            + " ON CONFLICT (key_id) DO UPDATE SET operation = excluded.operation, used_at = excluded.used_at,"
            + " request_id = excluded.request_id WHERE excluded.used_at > key_last_usage.used_at")) {
      ps.setString(1, usage.keyId());
      ps.setString(2, usage.operation());
      ps.setLong(3, JdbcColumns.toMicros(usage.usedAt()));
      ps.setString(4, usage.requestId());
      ps.setString(5, usage.keyId());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw tx.translate(e, "recording the last use of key " + usage.keyId());
    }
  }

  @Override
  public Instant trackingStart(Instant candidate) {
    try {
      try (PreparedStatement ps = tx.connection().prepareStatement(
          "INSERT INTO key_usage_tracking (id, started_at) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
        ps.setLong(1, JdbcColumns.toMicros(candidate));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = tx.connection().prepareStatement(
          "SELECT started_at FROM key_usage_tracking WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return JdbcColumns.fromMicros(rs.getLong("started_at"));
      }
    } catch (SQLException e) {
      throw tx.translate(e, "reading when usage tracking began");
    }
  }
}
