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

  /**
   * Replaces the wrapped bytes of one material record, if they still are {@code expected}, by
   * {@code replacement}: the same material wrapped anew (a root of trust rotation rewraps it under
   * a new keyring term). Returns false, changing nothing, when the record is gone or holds other
   * bytes.
   */
  boolean replaceWrapped(String keyId, String materialId, byte[] expected, byte[] replacement);
}
