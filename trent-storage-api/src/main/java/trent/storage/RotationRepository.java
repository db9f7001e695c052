package trent.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Rotation settings of keys and the history of their rotations, by key id. */
public interface RotationRepository {

  /** In a write, the record stays as read until the transaction ends (as {@link KeyRepository#find}). */
  Optional<KeyRotationRecord> find(String keyId);

  /** Stores new settings; version must be 0. Throws {@link DuplicateRecordException}. */
  void insert(KeyRotationRecord rotation);

  /** As {@link KeyRepository#update}: replaces the record at its version and returns it incremented. */
  KeyRotationRecord update(KeyRotationRecord rotation);

  /**
   * Settings with automatic rotation on whose next rotation date is at or before {@code notAfter},
   * ordered by that date then key id, at most {@code limit}.
   */
  List<KeyRotationRecord> listDue(Instant notAfter, int limit);

  /** Records a completed rotation. Throws {@link DuplicateRecordException} for a material recorded twice. */
  void addRotation(KeyMaterialRotationRecord rotation);

  /** The completed rotations of one key, oldest first (ties in the order they were added). */
  List<KeyMaterialRotationRecord> listRotations(String keyId);
}
