package trent.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keys, by key id and Region. A key id names one key in one Region, except that the copies of a
 * multi-Region key (its primary and replicas) share their key id, one copy per Region. The copies
 * share the key's material, rotation settings and rotation history, which are stored by key id;
 * tags, grants, aliases and last usage belong to one copy.
 */
public interface KeyRepository {

  /** The key (or the copy of a multi-Region key) of that id in {@code region}. */
  Optional<KeyRecord> find(String keyId, String region);

  /** Every copy of a key: one record for a single-Region key, ordered by Region. */
  List<KeyRecord> findCopies(String keyId);

  /** Stores a new key; {@code key.version()} must be 0. Throws {@link DuplicateRecordException}. */
  void insert(KeyRecord key);

  /**
   * Replaces the key of {@code key.keyId()} in {@code key.region()} whose stored version equals
   * {@code key.version()}, and returns the record as stored, with the version incremented. Throws
   * {@link StaleRecordException} otherwise.
   */
  KeyRecord update(KeyRecord key);

  /**
   * Deletes the key of that id in {@code region} with its aliases, tags, grants and usage, and,
   * when no other copy of it remains, with its material, rotations and imported material. Returns
   * false when there was none.
   */
  boolean delete(String keyId, String region);

  /**
   * Keys of one account and Region ordered by key id, starting after {@code afterKeyId}
   * (exclusive; null for the first page), at most {@code limit} of them.
   */
  List<KeyRecord> list(String account, String region, String afterKeyId, int limit);

  /**
   * Keys of every account and Region ordered by key id, then Region, starting after the key
   * {@code afterKeyId} in {@code afterRegion} (exclusive; after every copy of {@code afterKeyId} when
   * {@code afterRegion} is null; both null for the first page), at most
   * {@code limit} of them. For whole-store tools (backup export), not for requests.
   */
  List<KeyRecord> listAll(String afterKeyId, String afterRegion, int limit);

  /** Keys in {@code keyState} whose deletion date is at or before {@code notAfter}, any account. */
  List<KeyRecord> listDeletionDue(String keyState, Instant notAfter, int limit);
}
