package trent.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keys, by key id. */
public interface KeyRepository {

  Optional<KeyRecord> find(String keyId);

  /** Stores a new key; {@code key.version()} must be 0. Throws {@link DuplicateRecordException}. */
  void insert(KeyRecord key);

  /**
   * Replaces a key whose stored version equals {@code key.version()}, and returns the record as
   * stored, with the version incremented. Throws {@link StaleRecordException} otherwise.
   */
  KeyRecord update(KeyRecord key);

  /**
   * Deletes a key with its material, aliases, tags, grants, rotations and usage. Returns false when
   * there was none.
   */
  boolean delete(String keyId);

  /**
   * Keys of one account and Region ordered by key id, starting after {@code afterKeyId}
   * (exclusive; null for the first page), at most {@code limit} of them.
   */
  List<KeyRecord> list(String account, String region, String afterKeyId, int limit);

  /**
   * Keys of every account and Region ordered by key id, starting after {@code afterKeyId}
   * (exclusive; null for the first page), at most {@code limit} of them. For whole-store tools
   * (backup export), not for requests.
   */
  List<KeyRecord> listAll(String afterKeyId, int limit);

  /** Keys in {@code keyState} whose deletion date is at or before {@code notAfter}, any account. */
  List<KeyRecord> listDeletionDue(String keyState, Instant notAfter, int limit);
}
