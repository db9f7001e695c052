package trent.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trent.storage.CustomKeyStoreRecord;
import trent.storage.CustomKeyStoreRepository;
import trent.storage.DuplicateRecordException;
import trent.storage.StaleRecordException;

/** Custom key stores over SQL (schema V6): the same statements on SQLite and PostgreSQL. */
public final class JdbcCustomKeyStoreRepository implements CustomKeyStoreRepository {

  private static final String BODY = "account, region, name, store_type, cloud_hsm_cluster_id, trust_anchor_certificate,"
      + " xks_proxy_connectivity, xks_proxy_uri_endpoint, xks_proxy_uri_path, xks_proxy_vpc_endpoint_service_name,"
      + " xks_proxy_vpc_endpoint_service_owner, xks_proxy_access_key_id, wrapped_secret, connection_state,"
      + " connection_error_code, creation_date";
  private static final int BODY_COLUMNS = 16;
  private static final String COLUMNS = "custom_key_store_id, " + BODY + ", version";

  private final SqlSession tx;

  public JdbcCustomKeyStoreRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public Optional<CustomKeyStoreRecord> find(String customKeyStoreId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM custom_key_stores WHERE custom_key_store_id = ?" + tx.rowLock())) {
      ps.setString(1, customKeyStoreId);
      List<CustomKeyStoreRecord> found = all(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    } catch (SQLException e) {
      throw tx.translate(e, "finding custom key store " + customKeyStoreId);
    }
  }

  @Override
  public void insert(CustomKeyStoreRecord store) {
    JdbcChecks.requireNew(store.version(), "custom key store " + store.customKeyStoreId());
    try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO custom_key_stores (" + COLUMNS
        + ") VALUES (?" + ", ?".repeat(BODY_COLUMNS + 1) + ")" + tx.insertSuffix())) {
      ps.setString(1, store.customKeyStoreId());
      bindBody(ps, store, 2);
      ps.setLong(BODY_COLUMNS + 2, 0);
      if (ps.executeUpdate() == 0 && tx.unchangedInsertIsDuplicate()) {
        throw new DuplicateRecordException("inserting custom key store " + store.customKeyStoreId()
            + ": its id or name is taken");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "inserting custom key store " + store.customKeyStoreId());
    }
  }

  @Override
  public CustomKeyStoreRecord update(CustomKeyStoreRecord store) {
    StringBuilder set = new StringBuilder();
    for (String column : BODY.split(", ")) {
      set.append(column).append(" = ?, ");
    }
    try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE custom_key_stores SET " + set
        + "version = version + 1 WHERE custom_key_store_id = ? AND version = ?")) {
      bindBody(ps, store, 1);
      ps.setString(BODY_COLUMNS + 1, store.customKeyStoreId());
      ps.setLong(BODY_COLUMNS + 2, store.version());
      if (ps.executeUpdate() == 0) {
        throw new StaleRecordException("custom key store " + store.customKeyStoreId() + " is not stored at version "
            + store.version());
      }
    } catch (SQLException e) {
      throw tx.translate(e, "updating custom key store " + store.customKeyStoreId());
    }
    return store.withVersion(store.version() + 1);
  }

  @Override
  public boolean delete(String customKeyStoreId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "DELETE FROM custom_key_stores WHERE custom_key_store_id = ?")) {
      ps.setString(1, customKeyStoreId);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw tx.translate(e, "deleting custom key store " + customKeyStoreId);
    }
  }

  @Override
  public List<CustomKeyStoreRecord> list(String account, String region, String afterId, int limit) {
    JdbcChecks.requireLimit(limit);
    String sql = "SELECT " + COLUMNS + " FROM custom_key_stores WHERE account = ? AND region = ?"
        + (afterId == null ? "" : " AND custom_key_store_id > ?") + " ORDER BY custom_key_store_id LIMIT ?";
    try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, account);
      ps.setString(i++, region);
      if (afterId != null) {
        ps.setString(i++, afterId);
      }
      ps.setInt(i, limit);
      return all(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing custom key stores");
    }
  }

  @Override
  public List<CustomKeyStoreRecord> listAll(String afterId, int limit) {
    JdbcChecks.requireLimit(limit);
    String sql = "SELECT " + COLUMNS + " FROM custom_key_stores" + (afterId == null ? "" : " WHERE custom_key_store_id > ?")
        + " ORDER BY custom_key_store_id LIMIT ?";
    try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
      int i = 1;
      if (afterId != null) {
        ps.setString(i++, afterId);
      }
      ps.setInt(i, limit);
      return all(ps);
    } catch (SQLException e) {
      throw tx.translate(e, "listing custom key stores");
    }
  }

  @Override
  public int countKeys(String customKeyStoreId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT count(*) FROM keys WHERE custom_key_store_id = ?")) {
      ps.setString(1, customKeyStoreId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw tx.translate(e, "counting the keys of custom key store " + customKeyStoreId);
    }
  }

  @Override
  public Optional<String> findKeyByXksKeyId(String customKeyStoreId, String xksKeyId) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT key_id FROM keys WHERE custom_key_store_id = ? AND xks_key_id = ? ORDER BY key_id LIMIT 1")) {
      ps.setString(1, customKeyStoreId);
      ps.setString(2, xksKeyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw tx.translate(e, "finding the key of external key " + xksKeyId);
    }
  }

  private static void bindBody(PreparedStatement ps, CustomKeyStoreRecord s, int first) throws SQLException {
    int i = first;
    ps.setString(i++, s.account());
    ps.setString(i++, s.region());
    ps.setString(i++, s.name());
    ps.setString(i++, s.type());
    ps.setString(i++, s.cloudHsmClusterId());
    ps.setString(i++, s.trustAnchorCertificate());
    ps.setString(i++, s.xksProxyConnectivity());
    ps.setString(i++, s.xksProxyUriEndpoint());
    ps.setString(i++, s.xksProxyUriPath());
    ps.setString(i++, s.xksProxyVpcEndpointServiceName());
    ps.setString(i++, s.xksProxyVpcEndpointServiceOwner());
    ps.setString(i++, s.xksProxyAccessKeyId());
    ps.setBytes(i++, s.wrappedSecret());
    ps.setString(i++, s.connectionState());
    ps.setString(i++, s.connectionErrorCode());
    ps.setLong(i, JdbcColumns.toMicros(s.creationDate()));
  }

  private static List<CustomKeyStoreRecord> all(PreparedStatement ps) throws SQLException {
    List<CustomKeyStoreRecord> stores = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        stores.add(new CustomKeyStoreRecord(
            rs.getString("custom_key_store_id"),
            rs.getString("account"),
            rs.getString("region"),
            rs.getString("name"),
            rs.getString("store_type"),
            rs.getString("cloud_hsm_cluster_id"),
            rs.getString("trust_anchor_certificate"),
            rs.getString("xks_proxy_connectivity"),
            rs.getString("xks_proxy_uri_endpoint"),
            rs.getString("xks_proxy_uri_path"),
            rs.getString("xks_proxy_vpc_endpoint_service_name"),
            rs.getString("xks_proxy_vpc_endpoint_service_owner"),
            rs.getString("xks_proxy_access_key_id"),
            JdbcColumns.getBytes(rs, "wrapped_secret"),
            rs.getString("connection_state"),
            rs.getString("connection_error_code"),
            JdbcColumns.fromMicros(rs.getLong("creation_date")),
            rs.getLong("version")));
      }
    }
    return stores;
  }
}
