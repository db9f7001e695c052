package trent.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import trent.storage.GrantRecord;
import trent.storage.GrantRepository;

public final class JdbcGrantRepository implements GrantRepository {

  private static final String COLUMNS = "grant_id, key_id, region, name, creation_date, grantee_principal, retiring_principal,"
      + " issuing_account, operations, constraints, token_secret";

  private final SqlSession tx;

  public JdbcGrantRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public Optional<GrantRecord> find(String grantId) {
    try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM grants WHERE grant_id = ?")) {
      ps.setString(1, grantId);
      List<GrantRecord> found = all(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    } catch (SQLException e) {
      throw tx.translate(e, "finding grant " + grantId);
    }
  }

  @Override
  public void insert(GrantRecord grant) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO grants (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, grant.grantId());
      ps.setString(2, grant.keyId());
      ps.setString(3, grant.region());
      ps.setString(4, grant.name());
      ps.setLong(5, JdbcColumns.toMicros(grant.creationDate()));
      ps.setString(6, grant.granteePrincipal());
      ps.setString(7, grant.retiringPrincipal());
      ps.setString(8, grant.issuingAccount());
      ps.setString(9, String.join(",", grant.operations()));
      ps.setString(10, grant.constraints());
      ps.setString(11, grant.tokenSecret());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw tx.translate(e, "inserting grant " + grant.grantId());
    }
  }

  @Override
  public boolean delete(String grantId) {
    try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM grants WHERE grant_id = ?")) {
      ps.setString(1, grantId);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw tx.translate(e, "deleting grant " + grantId);
    }
  }

  @Override
  public List<GrantRecord> listByKey(String keyId, String region, String afterGrantId, int limit) {
    return list("key_id = ? AND region = ?", List.of(keyId, region), afterGrantId, limit);
  }

  @Override
  public List<GrantRecord> listByRetiringPrincipal(String retiringPrincipal, String afterGrantId, int limit) {
    return list("retiring_principal = ?", List.of(retiringPrincipal), afterGrantId, limit);
  }

  private List<GrantRecord> list(String where, List<String> values, String afterGrantId, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    String sql = "SELECT " + COLUMNS + " FROM grants WHERE " + where
        + (afterGrantId == null ? "" : " AND grant_id > ?") + " ORDER BY grant_id LIMIT ?";
    try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
      int i = 1;
      for (String value : values) {
        ps.setString(i++, value);
      }
      if (afterGrantId != null) {
        ps.setString(i++, afterGrantId);
      }
      ps.setInt(i, limit);
      return all(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing grants");
    }
  }

  private static List<GrantRecord> all(PreparedStatement ps) throws SQLException {
    List<GrantRecord> grants = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String operations = rs.getString("operations");
        grants.add(new GrantRecord(
            rs.getString("grant_id"),
            rs.getString("key_id"),
            rs.getString("region"),
            rs.getString("name"),
            JdbcColumns.fromMicros(rs.getLong("creation_date")),
            rs.getString("grantee_principal"),
            rs.getString("retiring_principal"),
            rs.getString("issuing_account"),
            operations.isEmpty() ? List.of() : Arrays.asList(operations.split(",")),
            rs.getString("constraints"),
            rs.getString("token_secret")));
      }
    }
    return grants;
  }
}
