package trent.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import trent.storage.DuplicateRecordException;
import trent.storage.KeyringRepository;
import trent.storage.KeyringTermRecord;
import trent.storage.RootRotationRecord;

public final class JdbcKeyringRepository implements KeyringRepository {

  private final SqlSession tx;

  public JdbcKeyringRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public List<KeyringTermRecord> list() {
    return terms("SELECT term, root_id, wrapped_key, created_at FROM keyring_terms ORDER BY term", "listing keyring terms");
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

  @Override
  public List<KeyringTermRecord> listIncoming() {
    return terms("SELECT i.term, i.root_id, i.wrapped_key, t.created_at FROM keyring_incoming_terms i"
        + " JOIN keyring_terms t ON t.term = i.term ORDER BY i.term", "listing incoming keyring term wrappings");
  }

  @Override
  public Optional<RootRotationRecord> rootRotation() {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT from_root_id, to_root_id, term, started_at FROM root_rotation")) {
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new RootRotationRecord(rs.getString("from_root_id"), rs.getString("to_root_id"),
            rs.getInt("term"), JdbcColumns.fromMicros(rs.getLong("started_at"))));
      }
    } catch (SQLException e) {
      throw tx.translate(e, "reading the root rotation");
    }
  }

  @Override
  public void startRootRotation(RootRotationRecord rotation, List<KeyringTermRecord> incoming) {
    Set<Integer> stored = new TreeSet<>();
    list().forEach(t -> stored.add(t.term()));
    Set<Integer> given = new TreeSet<>();
    for (KeyringTermRecord wrapping : incoming) {
      if (!wrapping.rootId().equals(rotation.toRootId()) || !given.add(wrapping.term())) {
        throw new IllegalArgumentException("incoming wrappings must wrap each term once, by root of trust "
            + rotation.toRootId());
      }
    }
    if (!given.equals(stored)) {
      throw new IllegalArgumentException("incoming wrappings of terms " + given + " do not match the stored terms "
          + stored);
    }
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO root_rotation (singleton, from_root_id, to_root_id, term, started_at) VALUES (1, ?, ?, ?, ?)"
            + tx.insertSuffix())) {
      ps.setString(1, rotation.fromRootId());
      ps.setString(2, rotation.toRootId());
      ps.setInt(3, rotation.term());
      ps.setLong(4, JdbcColumns.toMicros(rotation.startedAt()));
      if (ps.executeUpdate() == 0 && tx.unchangedInsertIsDuplicate()) {
        throw new DuplicateRecordException("starting a root rotation: a root rotation is in progress");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "starting a root rotation");
    }
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO keyring_incoming_terms (term, root_id, wrapped_key) VALUES (?, ?, ?)")) {
      for (KeyringTermRecord wrapping : incoming) {
        ps.setInt(1, wrapping.term());
        ps.setString(2, wrapping.rootId());
        ps.setBytes(3, wrapping.wrappedKey());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw tx.translate(e, "storing incoming keyring term wrappings");
    }
  }

  @Override
  public boolean finishRootRotation() {
    if (rootRotation().isEmpty()) {
      return false;
    }
    try (PreparedStatement missing = tx.connection().prepareStatement(
        "SELECT count(*) FROM keyring_terms t WHERE NOT EXISTS"
            + " (SELECT 1 FROM keyring_incoming_terms i WHERE i.term = t.term)");
        ResultSet rs = missing.executeQuery()) {
      rs.next();
      if (rs.getLong(1) != 0) {
        throw new IllegalStateException(rs.getLong(1) + " keyring term(s) have no incoming wrapping");
      }
    } catch (SQLException e) {
      throw tx.translate(e, "finishing the root rotation");
    }
    execute("UPDATE keyring_terms SET"
        + " root_id = (SELECT i.root_id FROM keyring_incoming_terms i WHERE i.term = keyring_terms.term),"
        + " wrapped_key = (SELECT i.wrapped_key FROM keyring_incoming_terms i WHERE i.term = keyring_terms.term)",
        "finishing the root rotation");
    return abortRootRotation();
  }

  @Override
  public boolean abortRootRotation() {
    execute("DELETE FROM keyring_incoming_terms", "ending the root rotation");
    return execute("DELETE FROM root_rotation", "ending the root rotation") > 0;
  }

  private int execute(String sql, String doing) {
    try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw tx.translate(e, doing);
    }
  }

  private List<KeyringTermRecord> terms(String sql, String doing) {
    try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
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
      throw tx.translate(e, doing);
    }
  }
}
