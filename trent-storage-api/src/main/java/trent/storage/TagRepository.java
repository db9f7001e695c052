package trent.storage;

import java.util.List;

/** Tags of keys, by key id and Region (each copy of a multi-Region key has its own). */
public interface TagRepository {

  /** The tags of one key ordered by tag key. */
  List<TagRecord> list(String keyId, String region);

  /** Adds the tag, or replaces the value of an existing tag with the same key. */
  void put(TagRecord tag);

  /** Returns false when the key had no such tag. */
  boolean remove(String keyId, String region, String tagKey);
}
