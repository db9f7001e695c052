package trent.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import trent.storage.TagRecord;
import trent.storage.TagRepository;

public final class JdbcTagRepository implements TagRepository {

  private final SqlSession tx;

  public JdbcTagRepository(SqlSession tx) {
    this.tx = tx;
  }

  @Override
  public List<TagRecord> list(String keyId, String region) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "SELECT key_id, region, tag_key, tag_value FROM tags WHERE key_id = ? AND region = ? ORDER BY tag_key")) {
      ps.setString(1, keyId);
      ps.setString(2, region);
      List<TagRecord> tags = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tags.add(new TagRecord(rs.getString("key_id"), rs.getString("region"), rs.getString("tag_key"),
              rs.getString("tag_value")));
        }
      }
      return tags;
    } catch (SQLException e) {
      throw tx.translate(e, "listing tags of key " + keyId);
    }
  }

  @Override
  public void put(TagRecord tag) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "INSERT INTO tags (key_id, region, tag_key, tag_value) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (key_id, region, tag_key) DO UPDATE SET tag_value = excluded.tag_value")) {
      ps.setString(1, tag.keyId());
      ps.setString(2, tag.region());
      ps.setString(3, tag.tagKey());
      ps.setString(4, tag.tagValue());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw tx.translate(e, "tagging key " + tag.keyId());
    }
  }

  @Override
  public boolean remove(String keyId, String region, String tagKey) {
    try (PreparedStatement ps = tx.connection().prepareStatement(
        "DELETE FROM tags WHERE key_id = ? AND region = ? AND tag_key = ?")) {
      ps.setString(1, keyId);
      ps.setString(2, region);
      ps.setString(3, tagKey);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw tx.translate(e, "untagging key " + keyId);
    }
  }
}
