package trent.domain.key;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import trent.crypto.SecretBytes;
import trent.domain.Page;
import trent.domain.Scope;
import trent.domain.key.KeyResolver.Forms;
import trent.storage.KeyMaterialRecord;
import trent.storage.DuplicateRecordException;
import trent.storage.KeyRecord;
import trent.storage.Storage;
import trent.storage.TagRecord;

/**
 * The key lifecycle: creating keys, finding them, moving them between states, and deleting those
 * whose waiting period is over.
 *
 * <p>Every change is one storage transaction in which the key is read again and the transition
 * decided on the fresh record, so concurrent requests cannot undo each other's changes.
 */
public final class Keys {

  private final Storage storage;
  private final KeyMaterials materials;
  private final KeyResolver resolver = new KeyResolver();
  private final Clock clock;
  private final KeyChangeListener listener;

  public Keys(Storage storage, KeyMaterials materials, Clock clock, KeyChangeListener listener) {
    this.storage = storage;
    this.materials = materials;
    this.clock = clock;
    this.listener = listener;
  }

  public Clock clock() {
    return clock;
  }

  /** ReplicateKey and UpdatePrimaryRegion over the same store, clock and listener. */
  public MultiRegionKeys multiRegion() {
    return new MultiRegionKeys(storage, clock, listener);
  }

  /**
   * Creates a key with fresh material, its tags, in one durable transaction. A key of origin
   * EXTERNAL is created in PendingImport without material (see {@link Imports}).
   */
  public KmsKey create(Scope scope, NewKey request) {
    return createIn(scope, request, null, null);
  }

  /**
   * Creates a key with fresh material, its tags, in one durable transaction, in a custom key store
   * when {@code customKeyStoreId} is not null. A key in an external key store is associated with
   * the external key {@code xksKeyId}; its own fresh material is the inner layer of its double
   * encryption. The caller checked the store (connected, of the right type) and the external key.
   */
  public KmsKey createIn(Scope scope, NewKey request, String customKeyStoreId, String xksKeyId) {
    String keyId = request.multiRegion() ? newMultiRegionKeyId() : UUID.randomUUID().toString();
    String arn = KeyArns.key(scope.region(), scope.account(), keyId);
    Instant now = clock.instant();
    boolean external = request.origin() == Origin.EXTERNAL;
    KeyMaterialRecord material = external ? null : materials.create(keyId, arn, request.spec(), now);
    KeyRecord record = new KeyRecord(keyId, scope.account(), scope.region(), request.description(),
        request.spec().name(), request.usage().name(), request.origin().name(),
        (external ? KeyState.PendingImport : KeyState.Enabled).name(),
        now, null, null, request.multiRegion(), request.policy(), external ? null : material.materialId(), 0,
        customKeyStoreId, xksKeyId);
    storage.write(tx -> {
      tx.keys().insert(record);
      if (material != null) {
        tx.keyMaterials().insert(material);
      }
      request.tags().forEach((k, v) -> tx.tags().put(new TagRecord(keyId, scope.region(), k, v)));
      return null;
    });
    listener.keyChanged(keyId, scope.region());
    return new KmsKey(record);
  }

  /** {@code mrk-} and 32 lowercase hex digits, as AWS makes a multi-Region key's id. */
  static String newMultiRegionKeyId() {
    return KeyArns.MULTI_REGION_PREFIX + UUID.randomUUID().toString().replace("-", "");
  }

  /** What {@link #createSeeded} did. */
  public enum Seeded { CREATED, ALREADY_PRESENT }

  /**
   * Creates a key with a fixed id and fixed material (a seed file's entry), or leaves it alone
   * when a key with that id, scope, spec, usage and material exists already, so applying a seed
   * again is harmless. Description, policy, tags and state are set only on creation: changes made
   * later through the API are kept.
   *
   * @throws IllegalArgumentException when the material does not fit the key spec
   * @throws IllegalStateException when a key with that id exists but differs (another account or
   *     Region, spec, usage or material), with a message saying how
   */
  public Seeded createSeeded(SeededKey seed) {
    String arn = KeyArns.key(seed.scope().region(), seed.scope().account(), seed.keyId());
    try (SecretBytes material = KeyMaterials.seedMaterial(seed.spec(), seed.material())) {
      Optional<KeyRecord> existing = storage.read(tx -> tx.keys().findCopies(seed.keyId()).stream().findFirst());
      if (existing.isPresent()) {
        requireSameSeed(existing.get(), seed, material);
        return Seeded.ALREADY_PRESENT;
      }
      Instant now = clock.instant();
      KeyMaterialRecord wrapped = materials.wrapSeeded(seed.keyId(), arn, material, now);
      KeyRecord record = new KeyRecord(seed.keyId(), seed.scope().account(), seed.scope().region(), seed.description(),
          seed.spec().name(), seed.usage().name(), Origin.AWS_KMS.name(),
          (seed.enabled() ? KeyState.Enabled : KeyState.Disabled).name(), now, null, null, false, seed.policy(),
          wrapped.materialId(), 0);
      try {
        storage.write(tx -> {
          tx.keys().insert(record);
          tx.keyMaterials().insert(wrapped);
          seed.tags().forEach((k, v) -> tx.tags().put(new TagRecord(seed.keyId(), seed.scope().region(), k, v)));
          return null;
        });
      } catch (DuplicateRecordException e) {
        // Another node sharing the store seeded it at the same moment.
        requireSameSeed(storage.read(tx -> tx.keys().find(seed.keyId(), seed.scope().region())).orElseThrow(() -> e),
            seed, material);
        return Seeded.ALREADY_PRESENT;
      }
      listener.keyChanged(seed.keyId(), seed.scope().region());
      return Seeded.CREATED;
    }
  }

  private void requireSameSeed(KeyRecord existing, SeededKey seed, SecretBytes material) {
    if (!existing.account().equals(seed.scope().account()) || !existing.region().equals(seed.scope().region())) {
      throw new IllegalStateException("a key with this id exists in account " + existing.account()
          + " and Region " + existing.region());
    }
    if (!existing.keySpec().equals(seed.spec().name()) || !existing.keyUsage().equals(seed.usage().name())) {
      throw new IllegalStateException("a key with this id exists with KeySpec " + existing.keySpec()
          + " and KeyUsage " + existing.keyUsage());
    }
    String materialId = KeyMaterials.seededMaterialId(seed.keyId());
    Optional<KeyMaterialRecord> stored = materialId.equals(existing.currentMaterialId())
        ? storage.read(tx -> tx.keyMaterials().find(seed.keyId(), materialId))
        : Optional.empty();
    if (stored.isEmpty()) {
      throw new IllegalStateException("a key with this id exists with other key material (it was not made from this seed)");
    }
    try (SecretBytes current = materials.unwrap(new KmsKey(existing).arn(), stored.get())) {
      if (!current.equalsConstantTime(material)) {
        throw new IllegalStateException("a key with this id exists with other key material");
      }
    }
  }

  /** The key a caller names; see {@link KeyResolver}. */
  public KmsKey find(Scope scope, String keyIdText, Forms forms) {
    return storage.read(tx -> resolver.resolve(tx, scope, keyIdText, forms));
  }

  /** The key of that id in {@code region}, in any account (the key a grant is on), if it exists. */
  public java.util.Optional<KmsKey> findById(String keyId, String region) {
    return storage.read(tx -> tx.keys().find(keyId, region)).map(KmsKey::new);
  }

  /**
   * Every copy of a multi-Region key (its primary and its replicas), ordered by Region, as stored
   * now; for a single-Region key, the key itself.
   */
  public List<KmsKey> copies(KmsKey key) {
    if (!key.multiRegion()) {
      return List.of(key);
    }
    return storage.read(tx -> tx.keys().findCopies(key.keyId())).stream().map(KmsKey::new).toList();
  }

  /**
   * ScheduleKeyDeletion of the key a caller names. A multi-Region primary key whose replicas still
   * exist goes to PendingReplicaDeletion; its waiting period starts when the last one is deleted
   * (KMS developer guide, "Deleting multi-Region keys"). {@code check} sees the key first.
   */
  public KmsKey scheduleDeletion(Scope scope, String keyIdText, int pendingWindowInDays,
      java.util.function.Consumer<KmsKey> check) {
    Instant now = clock.instant();
    KmsKey changed = storage.write(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      check.accept(key);
      boolean hasReplicas = key.isPrimary() && tx.keys().findCopies(key.keyId()).size() > 1;
      return new KmsKey(tx.keys().update(key.scheduleDeletion(now, pendingWindowInDays, hasReplicas)));
    });
    listener.keyChanged(changed);
    return changed;
  }

  /** The key a caller names, where an ARN may name another account's key; see {@link KeyResolver#resolveAcrossAccounts}. */
  public KmsKey findAcrossAccounts(Scope scope, String keyIdText, Forms forms) {
    return storage.read(tx -> resolver.resolveAcrossAccounts(KeyLookup.of(tx), scope, keyIdText, forms));
  }

  /**
   * Replaces the key policy of the key a caller names (PutKeyPolicy). The caller validated the text.
   * {@code check} sees the current key before the change and may refuse it.
   */
  public KmsKey putPolicy(Scope scope, String keyIdText, String policy, java.util.function.Consumer<KmsKey> check) {
    return change(scope, keyIdText, Forms.KEY_ID_OR_ARN, k -> {
      check.accept(k);
      return k.withPolicy(policy);
    });
  }

  /**
   * Applies a state transition to the key a caller names and stores the result. The transition
   * sees the current record and throws the AWS error when the key's state does not allow it.
   */
  public KmsKey change(Scope scope, String keyIdText, Forms forms, Function<KmsKey, KeyRecord> transition) {
    KmsKey changed = storage.write(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, forms);
      return new KmsKey(tx.keys().update(transition.apply(key)));
    });
    listener.keyChanged(changed);
    return changed;
  }

  /**
   * CancelKeyDeletion: back to Disabled, or to PendingImport when the key's current material is not
   * in the store (imported material never imported, deleted or expired).
   */
  public KmsKey cancelDeletion(Scope scope, String keyIdText) {
    KmsKey changed = storage.write(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      boolean hasMaterial = key.currentMaterialId()
          .map(m -> tx.keyMaterials().find(key.keyId(), m).isPresent()).orElse(false);
      return new KmsKey(tx.keys().update(key.cancelDeletion(hasMaterial)));
    });
    listener.keyChanged(changed);
    return changed;
  }

  public Page<KmsKey> list(Scope scope, String marker, int limit) {
    String after = Page.after(marker, "key");
    List<KmsKey> fetched = storage.read(tx -> tx.keys().list(scope.account(), scope.region(), after, limit + 1))
        .stream().map(KmsKey::new).toList();
    return Page.of(fetched, limit, "key", KmsKey::keyId);
  }

  /**
   * Deletes keys whose deletion date has passed by the injected clock; returns how many. Deleting
   * the last replica of a multi-Region primary in PendingReplicaDeletion starts the primary's own
   * waiting period, in the same transaction.
   */
  public int deleteDue() {
    Instant now = clock.instant();
    int deleted = 0;
    List<KeyRecord> due;
    do {
      due = storage.read(tx -> tx.keys().listDeletionDue(KeyState.PendingDeletion.name(), now, 100));
      for (KeyRecord record : due) {
        List<KmsKey> changed = new java.util.ArrayList<>();
        boolean gone = storage.write(tx -> {
          Optional<KeyRecord> fresh = tx.keys().find(record.keyId(), record.region())
              .filter(r -> r.keyState().equals(KeyState.PendingDeletion.name())
                  && r.deletionDate() != null && !r.deletionDate().isAfter(now));
          if (fresh.isEmpty() || !tx.keys().delete(record.keyId(), record.region())) {
            return false;
          }
          List<KeyRecord> rest = tx.keys().findCopies(record.keyId());
          if (rest.size() == 1 && rest.get(0).isPrimary()
              && rest.get(0).keyState().equals(KeyState.PendingReplicaDeletion.name())) {
            changed.add(new KmsKey(tx.keys().update(new KmsKey(rest.get(0)).replicasGone(now))));
          }
          return true;
        });
        if (gone) {
          listener.keyChanged(record.keyId(), record.region());
          changed.forEach(listener::keyChanged);
          deleted++;
        }
      }
    } while (due.size() == 100);
    return deleted;
  }
}
