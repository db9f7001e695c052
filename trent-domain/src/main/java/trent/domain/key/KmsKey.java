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

  /** ScheduleKeyDeletion: allowed in every state but PendingDeletion. */
  public KeyRecord scheduleDeletion(Instant now, int pendingWindowInDays) {
    if (state() == KeyState.PendingDeletion) {
      throw state().invalidFor(arn);
    }
    Instant deletionDate = now.plus(Duration.ofDays(pendingWindowInDays));
    return copy(KeyState.PendingDeletion, record.description(), deletionDate, pendingWindowInDays);
  }

  /** CancelKeyDeletion: only from PendingDeletion, back to Disabled (PendingImport without material). */
  public KeyRecord cancelDeletion() {
    if (state() != KeyState.PendingDeletion) {
      throw KMSInvalidStateException.notPendingDeletion(arn);
    }
    KeyState next = record.currentMaterialId() == null ? KeyState.PendingImport : KeyState.Disabled;
    return copy(next, record.description(), null, null);
  }

  /** UpdateKeyDescription: allowed in every state but PendingDeletion. */
  public KeyRecord describe(String description) {
    if (state() == KeyState.PendingDeletion) {
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
        r.policy(), materialId, r.version(), r.customKeyStoreId(), r.xksKeyId());
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
    if (state() == KeyState.PendingDeletion) {
      throw state().invalidFor(arn);
    }
    KeyRecord r = record;
    return new KeyRecord(r.keyId(), r.account(), r.region(), r.description(), r.keySpec(), r.keyUsage(), r.origin(),
        r.keyState(), r.creationDate(), r.deletionDate(), r.pendingWindowInDays(), r.multiRegion(), policy,
        r.currentMaterialId(), r.version(), r.customKeyStoreId(), r.xksKeyId());
  }

  /** Grant operations (CreateGrant) need a key that is not pending deletion. */
  public void requireNotPendingDeletion() {
    if (state() == KeyState.PendingDeletion) {
      throw state().invalidFor(arn);
    }
  }

  /** Creating or repointing an alias at this key: not while it is pending deletion. */
  public void requireAliasable() {
    if (state() == KeyState.PendingDeletion) {
      throw state().invalidFor(arn);
    }
  }

  private void requireOneOf(KeyState a, KeyState b) {
    KeyState s = state();
    if (s != a && s != b) {
      throw s.invalidFor(arn);
    }
  }

  private KeyRecord withState(KeyState state) {
    return copy(state, record.description(), record.deletionDate(), record.pendingWindowInDays());
  }

  private KeyRecord copy(KeyState state, String description, Instant deletionDate, Integer window) {
    KeyRecord r = record;
    return new KeyRecord(r.keyId(), r.account(), r.region(), description, r.keySpec(), r.keyUsage(),
        r.origin(), state.name(), r.creationDate(), deletionDate, window, r.multiRegion(), r.policy(),
        r.currentMaterialId(), r.version(), r.customKeyStoreId(), r.xksKeyId());
  }

  @Override
  public String toString() {
    return "KmsKey[" + arn + ", " + record.keyState() + "]";
  }
}
