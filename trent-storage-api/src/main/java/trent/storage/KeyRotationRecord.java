package trent.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A key's rotation settings and counters, as stored. A key without such a record has never had
 * automatic rotation enabled nor been rotated on demand.
 *
 * @param keyId the key these settings belong to
 * @param automaticRotationEnabled whether automatic rotation is on
 * @param rotationPeriodInDays the period of automatic rotation (kept when rotation is turned off)
 * @param nextRotationDate when the next automatic rotation is due; null while automatic rotation is off
 * @param onDemandRotations how many on-demand rotations the key has had
 * @param version optimistic-concurrency version, as for {@link KeyRecord#version()}
 */
public record KeyRotationRecord(
    String keyId,
    boolean automaticRotationEnabled,
    int rotationPeriodInDays,
    Instant nextRotationDate,
    int onDemandRotations,
    long version) {

  public KeyRotationRecord {
    Objects.requireNonNull(keyId, "keyId");
  }
}
