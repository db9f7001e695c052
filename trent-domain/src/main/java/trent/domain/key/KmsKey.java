package trent.domain.key;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import trent.domain.error.DisabledException;
import trent.domain.error.InvalidKeyUsageException;
import trent.domain.error.KMSInvalidStateException;
import trent.storage.KeyRecord;

/**
 * A KMS key as the domain sees it: the stored record with typed values, and the state
 * transitions AWS allows (the "Key states" table of the KMS Developer Guide). A transition returns
 * the record to store, or throws the error AWS answers for the key's current state.
 */
public final class KmsKey {

  private final KeyRecord record;
  private final String arn;

  public KmsKey(KeyRecord record) {
    this.record = record;
    this.arn = KeyArns.key(record.region(), record.account(), record.keyId());
  }

  public KeyRecord record() {
    return record;
  }

  public String keyId() {
    return record.keyId();
  }

  public String arn() {
    return arn;
  }

  public String account() {
    return record.account();
  }

  public String region() {
    return record.region();
  }

  public KeyState state() {
    return KeyState.valueOf(record.keyState());
  }

  public KeySpec spec() {
    return KeySpec.valueOf(record.keySpec());
  }

  public KeyUsage usage() {
    return KeyUsage.valueOf(record.keyUsage());
  }

  public Origin origin() {
    return Origin.valueOf(record.origin());
  }

  public String description() {
    return record.description();
  }

  public Instant creationDate() {
    return record.creationDate();
  }

  public Optional<Instant> deletionDate() {
    return Optional.ofNullable(record.deletionDate());
  }

  public Optional<Integer> pendingWindowInDays() {
    return Optional.ofNullable(record.pendingWindowInDays());
  }

  public Optional<String> currentMaterialId() {
    return Optional.ofNullable(record.currentMaterialId());
  }

  /** Whether this is (a copy of) a multi-Region key. */
  public boolean multiRegion() {
    return record.multiRegion();
  }

  /** The Region of the primary key of a multi-Region key; empty for a single-Region key. */
  public Optional<String> primaryRegion() {
    return Optional.ofNullable(record.primaryRegion());
  }

  /** Whether this is the primary key of a multi-Region key. */
  public boolean isPrimary() {
    return record.isPrimary();
  }

  /** Whether this is a replica of a multi-Region key. */
  public boolean isReplica() {
    return record.multiRegion() && !record.isPrimary();
  }

  /** The ARN of the copy of this (multi-Region) key in {@code region}. */
  public String arnIn(String region) {
    return KeyArns.key(region, record.account(), record.keyId());
  }

  /**
   * PendingDeletion, or PendingReplicaDeletion (a multi-Region primary scheduled for deletion while
   * it still has replicas): the states in which the key is on its way out.
   */
  public boolean isPendingDeletion() {
    return state() == KeyState.PendingDeletion || state() == KeyState.PendingReplicaDeletion;
  }

  /** The custom key store the key is in; empty for a key in KMS's own key store. */
  public Optional<String> customKeyStoreId() {
    return Optional.ofNullable(record.customKeyStoreId());
  }

  /** The external key of a key in an external key store. */
  public Optional<String> xksKeyId() {
    return Optional.ofNullable(record.xksKeyId());
  }

  /** EnableKey: allowed when Enabled or Disabled. */
  public KeyRecord enable() {
    requireOneOf(KeyState.Enabled, KeyState.Disabled);
    return withState(KeyState.Enabled);
  }

  /** DisableKey: allowed when Enabled or Disabled. */
  public KeyRecord disable() {
    requireOneOf(KeyState.Enabled, KeyState.Disabled);
    return withState(KeyState.Disabled);
  }

  /** ScheduleKeyDeletion: allowed in every state but PendingDeletion (and PendingReplicaDeletion). */
  public KeyRecord scheduleDeletion(Instant now, int pendingWindowInDays) {
    return scheduleDeletion(now, pendingWindowInDays, false);
  }

  /**
   * ScheduleKeyDeletion. A multi-Region primary key that still has replicas goes to
   * PendingReplicaDeletion, with no deletion date: its waiting period starts when its last replica
   * is deleted (see {@link #replicasGone}).
   */
  public KeyRecord scheduleDeletion(Instant now, int pendingWindowInDays, boolean hasReplicas) {
    if (isPendingDeletion()) {
      throw state().invalidFor(arn);
    }
    if (hasReplicas) {
      return copy(KeyState.PendingReplicaDeletion, record.description(), null, pendingWindowInDays);
    }
    Instant deletionDate = now.plus(Duration.ofDays(pendingWindowInDays));
    return copy(KeyState.PendingDeletion, record.description(), deletionDate, pendingWindowInDays);
  }

  /**
   * The last replica of a primary in PendingReplicaDeletion was deleted: the primary's own waiting
   * period (the one ScheduleKeyDeletion asked for) starts now.
   */
  public KeyRecord replicasGone(Instant now) {
    if (state() != KeyState.PendingReplicaDeletion) {
      throw new IllegalStateException(this + " is not waiting for its replicas");
    }
    int window = record.pendingWindowInDays();
    return copy(KeyState.PendingDeletion, record.description(), now.plus(Duration.ofDays(window)), window);
  }

  /** UpdatePrimaryRegion: this copy's view of which Region holds the primary. */
  public KeyRecord withPrimaryRegion(String region) {
    return record.withPrimaryRegion(region);
  }

  /** CancelKeyDeletion of a key whose current material is present (see {@link #cancelDeletion(boolean)}). */
  public KeyRecord cancelDeletion() {
    return cancelDeletion(record.currentMaterialId() != null);
  }

  /**
   * CancelKeyDeletion: only from PendingDeletion, back to Disabled, or to PendingImport when the
   * key has no current material (imported material never imported, deleted or expired).
   */
  public KeyRecord cancelDeletion(boolean hasCurrentMaterial) {
    if (!isPendingDeletion()) {
      throw KMSInvalidStateException.notPendingDeletion(arn);
    }
    KeyState next = hasCurrentMaterial ? KeyState.Disabled : KeyState.PendingImport;
    return copy(next, record.description(), null, null);
  }

  /** UpdateKeyDescription: allowed in every state but PendingDeletion. */
  public KeyRecord describe(String description) {
    if (isPendingDeletion()) {
      throw state().invalidFor(arn);
    }
    return copy(state(), description, record.deletionDate(), record.pendingWindowInDays());
  }

  /**
   * A cryptographic operation needs an Enabled key: Disabled is {@code DisabledException}, every
   * other state {@code KMSInvalidStateException} (spec section 5).
   */
  public void requireEnabled() {
    KeyState s = state();
    if (s == KeyState.Disabled) {
      throw DisabledException.keyDisabled(arn);
    }
    if (s != KeyState.Enabled) {
      throw s.invalidFor(arn);
    }
  }

  /** Symmetric encryption operations need a SYMMETRIC_DEFAULT key of usage ENCRYPT_DECRYPT. */
  public void requireSymmetricEncryption(String operation) {
    if (usage() != KeyUsage.ENCRYPT_DECRYPT) {
      throw InvalidKeyUsageException.usageNotValidFor(arn, usage().name(), operation);
    }
    if (spec() != KeySpec.SYMMETRIC_DEFAULT) {
      throw InvalidKeyUsageException.specNotValidFor(arn, spec().name(), operation);
    }
  }

  /** A rotation: {@code materialId} encrypts from now on; the state and everything else stay. */
  public KeyRecord withCurrentMaterial(String materialId) {
    KeyRecord r = record;
    return new KeyRecord(r.keyId(), r.account(), r.region(), r.description(), r.keySpec(), r.keyUsage(),
        r.origin(), r.keyState(), r.creationDate(), r.deletionDate(), r.pendingWindowInDays(), r.multiRegion(),
        r.policy(), materialId, r.version(), r.customKeyStoreId(), r.xksKeyId(), r.primaryRegion());
  }

  /**
   * Asymmetric and HMAC operations need one key usage (Sign: SIGN_VERIFY, GenerateMac:
   * GENERATE_VERIFY_MAC, ...); AWS's text names the usage the key has.
   */
  public void requireUsage(KeyUsage required, String operation) {
    if (usage() != required) {
      throw InvalidKeyUsageException.usageNotValidFor(arn, usage().name(), operation);
    }
  }

  /** PutKeyPolicy: allowed in every state but PendingDeletion (KMS developer guide, "Key states"). */
  public KeyRecord withPolicy(String policy) {
    if (isPendingDeletion()) {
      throw state().invalidFor(arn);
    }
    KeyRecord r = record;
    return new KeyRecord(r.keyId(), r.account(), r.region(), r.description(), r.keySpec(), r.keyUsage(), r.origin(),
        r.keyState(), r.creationDate(), r.deletionDate(), r.pendingWindowInDays(), r.multiRegion(), policy,
        r.currentMaterialId(), r.version(), r.customKeyStoreId(), r.xksKeyId(), r.primaryRegion());
  }

  /** Grant operations (CreateGrant) need a key that is not pending deletion. */
  public void requireNotPendingDeletion() {
    if (isPendingDeletion()) {
      throw state().invalidFor(arn);
    }
  }

  /** Creating or repointing an alias at this key: not while it is pending deletion. */
  public void requireAliasable() {
    if (isPendingDeletion()) {
      throw state().invalidFor(arn);
    }
  }

  private void requireOneOf(KeyState a, KeyState b) {
    KeyState s = state();
    if (s != a && s != b) {
      throw s.invalidFor(arn);
    }
  }

  /** The record with another state and everything else as it is (imported material: Imports). */
  KeyRecord withState(KeyState state) {
    return copy(state, record.description(), record.deletionDate(), record.pendingWindowInDays());
  }

  private KeyRecord copy(KeyState state, String description, Instant deletionDate, Integer window) {
    KeyRecord r = record;
    return new KeyRecord(r.keyId(), r.account(), r.region(), description, r.keySpec(), r.keyUsage(),
        r.origin(), state.name(), r.creationDate(), deletionDate, window, r.multiRegion(), r.policy(),
        r.currentMaterialId(), r.version(), r.customKeyStoreId(), r.xksKeyId(), r.primaryRegion());
  }

  @Override
  public String toString() {
    return "KmsKey[" + arn + ", " + record.keyState() + "]";
  }
}
