package trent.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Import parameters and imported key material of keys of origin EXTERNAL (schema V5). */
public interface ImportRepository {

  Optional<ImportParametersRecord> findParameters(String parametersId);

  /** Throws {@link DuplicateRecordException} when the parameters id is taken. */
  void insertParameters(ImportParametersRecord parameters);

  /** The parameters of one key, oldest first. */
  List<ImportParametersRecord> listParameters(String keyId);

  /**
   * Replaces the wrapped private key of import parameters, if it still is {@code expected}, by
   * {@code replacement}: the same key wrapped anew (a root of trust rotation). Returns false,
   * changing nothing, when the parameters are gone or hold other bytes.
   */
  boolean replaceWrappedPrivateKey(String parametersId, byte[] expected, byte[] replacement);

  /** Deletes the parameters (of every key) that expired before {@code before}; returns how many. */
  int deleteParametersExpiredBefore(Instant before);

  /** In a write, the record stays as read until the transaction ends (as {@link KeyRepository#find}). */
  Optional<ImportedMaterialRecord> findMaterial(String keyId, String materialId);

  /** The imported material of one key, oldest import first (ties in insertion order). */
  List<ImportedMaterialRecord> listMaterials(String keyId);

  /** Stores a new record; version must be 0. Throws {@link DuplicateRecordException}. */
  void insertMaterial(ImportedMaterialRecord material);

  /** As {@link KeyRepository#update}: replaces the record at its version and returns it incremented. */
  ImportedMaterialRecord updateMaterial(ImportedMaterialRecord material);

  /**
   * Records in import state {@code IMPORTED} whose material expires at or before {@code notAfter},
   * ordered by that instant then key and material id, at most {@code limit}.
   */
  List<ImportedMaterialRecord> listExpiring(Instant notAfter, int limit);
}
