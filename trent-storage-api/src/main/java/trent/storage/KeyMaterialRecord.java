package trent.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a key's backing material, wrapped under the root of trust. The store never sees
 * the material in the clear and does not interpret the wrapped bytes.
 *
 * @param keyId the key the material belongs to
 * @param materialId 64 lowercase hex characters, unique per key
 * @param wrappedMaterial the wrapped material (opaque)
 * @param createdAt when this material was made or imported
 */
public record KeyMaterialRecord(String keyId, String materialId, byte[] wrappedMaterial, Instant createdAt) {

  public KeyMaterialRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(materialId, "materialId");
    Objects.requireNonNull(createdAt, "createdAt");
    wrappedMaterial = wrappedMaterial.clone();
  }

  @Override
  public byte[] wrappedMaterial() {
    return wrappedMaterial.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyMaterialRecord r
        && keyId.equals(r.keyId)
        && materialId.equals(r.materialId)
        && java.util.Arrays.equals(wrappedMaterial, r.wrappedMaterial)
        && createdAt.equals(r.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, materialId, createdAt);
  }

  @Override
  public String toString() {
    return "KeyMaterialRecord[keyId=" + keyId + ", materialId=" + materialId + ", createdAt=" + createdAt + "]";
  }
}
