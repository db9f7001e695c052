package trent.storage;

import java.util.List;

/** Tags of keys. */
public interface TagRepository {

  /** The tags of one key ordered by tag key. */
  List<TagRecord> list(String keyId);

  /** Adds the tag, or replaces the value of an existing tag with the same key. */
  void put(TagRecord tag);

  /** Returns false when the key had no such tag. */
  boolean remove(String keyId, String tagKey);
}
