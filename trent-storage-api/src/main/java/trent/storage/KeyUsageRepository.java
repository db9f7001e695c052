package trent.storage;

import java.time.Instant;
import java.util.Optional;

/** The last use of each key, and since when uses are recorded. */
public interface KeyUsageRepository {

  Optional<KeyUsageRecord> find(String keyId);

  /**
   * Stores {@code usage} unless the stored use of the key is later: of two records for one key the
   * later {@code usedAt} is kept, whichever node writes last. The key must be stored.
   */
  void recordIfLater(KeyUsageRecord usage);

  /**
   * The instant usage tracking began: stores {@code candidate} when none is stored yet, and returns
   * the stored instant (the first one ever stored, on every node).
   */
  Instant trackingStart(Instant candidate);
}
