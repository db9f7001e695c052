package trent.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import trent.storage.DuplicateRecordException;
import trent.storage.KeyringRepository;
import trent.storage.KeyringTermRecord;

public final class JdbcKeyringRepository implements KeyringRepository {

  private final SqlSession tx;

  public JdbcKeyringRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public List<KeyringTermRecord> list() {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT term, root_id, wrapped_key, created_at FROM keyring_terms ORDER BY term")) {
      List<KeyringTermRecord> terms = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          terms.add(new KeyringTermRecord(
              rs.getInt("term"),
              rs.getString("root_id"),
              JdbcColumns.getBytes(rs, "wrapped_key"),
              JdbcColumns.fromMicros(rs.getLong("created_at"))));
        }
      }
      return terms;
    } catch (SQLException e) {
      throw tx.translate(e, "listing keyring terms");
    }
  }

  @Override
  public void insert(KeyringTermRecord term) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO keyring_terms (term, root_id, wrapped_key, created_at) VALUES (?, ?, ?, ?)"
            + tx.insertSuffix())) {
      ps.setInt(1, term.term());
      ps.setString(2, term.rootId());
      ps.setBytes(3, term.wrappedKey());
      ps.setLong(4, JdbcColumns.toMicros(term.createdAt()));
      if (ps.executeUpdate() == 0 && tx.unchangedInsertIsDuplicate()) {
        throw new DuplicateRecordException("inserting keyring term " + term.term() + ": the record already exists");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "inserting keyring term " + term.term());
    }
  }
}
