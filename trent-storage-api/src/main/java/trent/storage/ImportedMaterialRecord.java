package trent.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of one version of a key's imported material, also while the material itself is
 * deleted or expired: its import state, expiration, description, and a wrapped digest by which a
 * reimport is recognized as the same material. The material, when present, is a
 * {@link KeyMaterialRecord} of the same key and material id.
 *
 * @param keyId the key (of origin EXTERNAL)
 * @param materialId 64 lowercase hex characters, unique per key
 * @param importState {@code IMPORTED} or {@code PENDING_IMPORT}
 * @param expirationModel {@code KEY_MATERIAL_EXPIRES} or {@code KEY_MATERIAL_DOES_NOT_EXPIRE}
 * @param validTo when the material expires; null unless it expires
 * @param description the KeyMaterialDescription; null when none was given
 * @param wrappedDigest a digest of the material, wrapped under the root of trust (opaque)
 * @param pendingRotation whether the material was imported as new material and is not yet current
 * @param importedAt when the material was last imported
 * @param version optimistic-concurrency version, as for {@link KeyRecord#version()}
 */
public record ImportedMaterialRecord(String keyId, String materialId, String importState, String expirationModel,
    Instant validTo, String description, byte[] wrappedDigest, boolean pendingRotation, Instant importedAt,
    long version) {

  public ImportedMaterialRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(materialId, "materialId");
    Objects.requireNonNull(importState, "importState");
    Objects.requireNonNull(expirationModel, "expirationModel");
    Objects.requireNonNull(importedAt, "importedAt");
    wrappedDigest = wrappedDigest.clone();
  }

  @Override
  public byte[] wrappedDigest() {
    return wrappedDigest.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImportedMaterialRecord r
        && keyId.equals(r.keyId)
        && materialId.equals(r.materialId)
        && importState.equals(r.importState)
        && expirationModel.equals(r.expirationModel)
        && Objects.equals(validTo, r.validTo)
        && Objects.equals(description, r.description)
        && java.util.Arrays.equals(wrappedDigest, r.wrappedDigest)
        && pendingRotation == r.pendingRotation
        && importedAt.equals(r.importedAt)
        && version == r.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, materialId, importState, version);
  }

  @Override
  public String toString() {
    return "ImportedMaterialRecord[keyId=" + keyId + ", materialId=" + materialId + ", importState=" + importState
        + ", expirationModel=" + expirationModel + ", validTo=" + validTo + ", pendingRotation=" + pendingRotation
        + ", version=" + version + "]";
  }
}
