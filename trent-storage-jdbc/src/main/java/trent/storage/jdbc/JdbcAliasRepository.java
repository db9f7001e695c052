package trent.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trent.storage.AliasRecord;
import trent.storage.AliasRepository;
import trent.storage.DuplicateRecordException;
import trent.storage.StaleRecordException;

public final class JdbcAliasRepository implements AliasRepository {

  private static final String COLUMNS =
      "account, region, alias_name, target_key_id, creation_date, last_updated_date, version";

  private final SqlSession tx;

  public JdbcAliasRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public Optional<AliasRecord> find(String account, String region, String aliasName) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM aliases WHERE account = ? AND region = ? AND alias_name = ?" + tx.rowLock())) {
      ps.setString(1, account);
      ps.setString(2, region);
      ps.setString(3, aliasName);
      List<AliasRecord> found = all(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    } catch (SQLException e) {
      throw tx.translate(e, "finding " + aliasName);
    }
  }

  @Override
  public void insert(AliasRecord alias) {
    JdbcChecks.requireNew(alias.version(), alias.aliasName());
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO aliases (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, 0)" + tx.insertSuffix())) {
      ps.setString(1, alias.account());
      ps.setString(2, alias.region());
      ps.setString(3, alias.aliasName());
      ps.setString(4, alias.targetKeyId());
      ps.setLong(5, JdbcColumns.toMicros(alias.creationDate()));
      ps.setLong(6, JdbcColumns.toMicros(alias.lastUpdatedDate()));
      if (ps.executeUpdate() == 0 && tx.unchangedInsertIsDuplicate()) {
        throw new DuplicateRecordException("inserting " + alias.aliasName() + ": the record already exists");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "inserting " + alias.aliasName());
    }
  }

  @Override
  public AliasRecord update(AliasRecord alias) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "UPDATE aliases SET target_key_id = ?, creation_date = ?, last_updated_date = ?, version = version + 1"
            + " WHERE account = ? AND region = ? AND alias_name = ? AND version = ?")) {
      ps.setString(1, alias.targetKeyId());
      ps.setLong(2, JdbcColumns.toMicros(alias.creationDate()));
      ps.setLong(3, JdbcColumns.toMicros(alias.lastUpdatedDate()));
      ps.setString(4, alias.account());
      ps.setString(5, alias.region());
      ps.setString(6, alias.aliasName());
      ps.setLong(7, alias.version());
      if (ps.executeUpdate() == 0) {
        throw new StaleRecordException(alias.aliasName() + " is not stored at version " + alias.version());
      }
    } catch (SQLException e) {
      throw tx.translate(e, "updating " + alias.aliasName());
    }
    return new AliasRecord(alias.account(), alias.region(), alias.aliasName(), alias.targetKeyId(),
        alias.creationDate(), alias.lastUpdatedDate(), alias.version() + 1);
  }

  @Override
  public boolean delete(String account, String region, String aliasName) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "DELETE FROM aliases WHERE account = ? AND region = ? AND alias_name = ?")) {
      ps.setString(1, account);
      ps.setString(2, region);
      ps.setString(3, aliasName);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw tx.translate(e, "deleting " + aliasName);
    }
  }

  @Override
  public List<AliasRecord> list(String account, String region, String targetKeyId, String afterAliasName, int limit) {
    JdbcChecks.requireLimit(limit);
    String sql = "SELECT " + COLUMNS + " FROM aliases WHERE account = ? AND region = ?"
        + (targetKeyId == null ? "" : " AND target_key_id = ?")
        + (afterAliasName == null ? "" : " AND alias_name > ?")
        + " ORDER BY alias_name LIMIT ?";
    try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, account);
      ps.setString(i++, region);
      if (targetKeyId != null) {
        ps.setString(i++, targetKeyId);
      }
      if (afterAliasName != null) {
        ps.setString(i++, afterAliasName);
      }
      ps.setInt(i, limit);
      return all(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing aliases");
    }
  }

  private static List<AliasRecord> all(PreparedStatement ps) throws SQLException {
    List<AliasRecord> aliases = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        aliases.add(new AliasRecord(
            rs.getString("account"),
            rs.getString("region"),
            rs.getString("alias_name"),
            rs.getString("target_key_id"),
            JdbcColumns.fromMicros(rs.getLong("creation_date")),
            JdbcColumns.fromMicros(rs.getLong("last_updated_date")),
            rs.getLong("version")));
      }
    }
    return aliases;
  }
}
