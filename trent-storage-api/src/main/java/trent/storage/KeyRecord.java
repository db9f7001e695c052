package trent.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A KMS key's metadata as stored. Enumerated values (spec, usage, origin, state) are stored as
 * their AWS names; the domain gives them meaning.
 *
 * @param keyId the key id (a UUID, or {@code mrk-} + 32 hex for multi-Region keys); with {@code region}
 *     unique in the store: the copies of a multi-Region key share the key id, one per Region
 * @param account the owning account id (12 digits)
 * @param region the Region the key (this copy of it) lives in
 * @param description may be empty, never null
 * @param keySpec e.g. {@code SYMMETRIC_DEFAULT}
 * @param keyUsage e.g. {@code ENCRYPT_DECRYPT}
 * @param origin e.g. {@code AWS_KMS}
 * @param keyState e.g. {@code Enabled}
 * @param creationDate when the key was created
 * @param deletionDate when a key pending deletion will be deleted; null otherwise
 * @param pendingWindowInDays the waiting period of a key pending deletion; null otherwise
 * @param multiRegion whether this is a multi-Region key
 * @param policy the key policy document (JSON text)
 * @param currentMaterialId the key material id that encrypts new ciphertexts; null when the key has none
 * @param version optimistic-concurrency version: 0 for a new record, incremented by each update
 * @param customKeyStoreId the custom key store the key is in ({@code cks-...}); null for a key in KMS's own store
 * @param xksKeyId the external key's id in its external key store proxy; null unless the key is in an
 *     external key store
 * @param primaryRegion the Region of the primary key of a multi-Region key (this copy's Region when
 *     it is the primary); null for a single-Region key
 */
public record KeyRecord(
    String keyId,
    String account,
    String region,
    String description,
    String keySpec,
    String keyUsage,
    String origin,
    String keyState,
    Instant creationDate,
    Instant deletionDate,
    Integer pendingWindowInDays,
    boolean multiRegion,
    String policy,
    String currentMaterialId,
    long version,
    String customKeyStoreId,
    String xksKeyId,
    String primaryRegion) {

  /** A key in KMS's own key store (no custom key store). */
  public KeyRecord(String keyId, String account, String region, String description, String keySpec, String keyUsage,
      String origin, String keyState, Instant creationDate, Instant deletionDate, Integer pendingWindowInDays,
      boolean multiRegion, String policy, String currentMaterialId, long version) {
    this(keyId, account, region, description, keySpec, keyUsage, origin, keyState, creationDate, deletionDate,
        pendingWindowInDays, multiRegion, policy, currentMaterialId, version, null, null);
  }

  /** A single-Region key, in a custom key store when {@code customKeyStoreId} is not null. */
  public KeyRecord(String keyId, String account, String region, String description, String keySpec, String keyUsage,
      String origin, String keyState, Instant creationDate, Instant deletionDate, Integer pendingWindowInDays,
      boolean multiRegion, String policy, String currentMaterialId, long version, String customKeyStoreId,
      String xksKeyId) {
    this(keyId, account, region, description, keySpec, keyUsage, origin, keyState, creationDate, deletionDate,
        pendingWindowInDays, multiRegion, policy, currentMaterialId, version, customKeyStoreId, xksKeyId,
        multiRegion ? region : null);
  }

  public KeyRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(keySpec, "keySpec");
    Objects.requireNonNull(keyUsage, "keyUsage");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(keyState, "keyState");
    Objects.requireNonNull(creationDate, "creationDate");
    Objects.requireNonNull(policy, "policy");
    if (multiRegion != (primaryRegion != null)) {
      throw new IllegalArgumentException("a multi-Region key, and only one, names its primary Region");
    }
  }

  /** This record with another version, every other field kept (what an update stores). */
  public KeyRecord withVersion(long newVersion) {
    return new KeyRecord(keyId, account, region, description, keySpec, keyUsage, origin, keyState, creationDate,
        deletionDate, pendingWindowInDays, multiRegion, policy, currentMaterialId, newVersion, customKeyStoreId,
        xksKeyId, primaryRegion);
  }

  /** This record with another primary Region (UpdatePrimaryRegion), every other field kept. */
  public KeyRecord withPrimaryRegion(String newPrimaryRegion) {
    return new KeyRecord(keyId, account, region, description, keySpec, keyUsage, origin, keyState, creationDate,
        deletionDate, pendingWindowInDays, multiRegion, policy, currentMaterialId, version, customKeyStoreId,
        xksKeyId, newPrimaryRegion);
  }

  /** Whether this is the primary key of a multi-Region key. */
  public boolean isPrimary() {
    return multiRegion && region.equals(primaryRegion);
  }
}
