package trent.storage;

import java.util.List;
import java.util.Optional;

/** Wrapped key material, by key id and material id. */
public interface KeyMaterialRepository {

  Optional<KeyMaterialRecord> find(String keyId, String materialId);

  /** All material of one key, oldest first. */
  List<KeyMaterialRecord> list(String keyId);

  /** Throws {@link DuplicateRecordException} when the key already has this material id. */
  void insert(KeyMaterialRecord material);

  /** Deletes one material (imported material that is deleted or expired); returns whether it existed. */
  boolean delete(String keyId, String materialId);
}
