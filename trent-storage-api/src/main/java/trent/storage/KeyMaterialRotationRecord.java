package trent.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One completed rotation: the key material that became current, how and when.
 *
 * @param keyId the key that was rotated
 * @param materialId the key material that the rotation made current
 * @param rotationType {@code AUTOMATIC} or {@code ON_DEMAND}
 * @param rotationDate when the rotation completed
 */
public record KeyMaterialRotationRecord(String keyId, String materialId, String rotationType, Instant rotationDate) {

  public KeyMaterialRotationRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(materialId, "materialId");
    Objects.requireNonNull(rotationType, "rotationType");
    Objects.requireNonNull(rotationDate, "rotationDate");
  }
}
