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

  /** Creates a key with fresh material, its tags, in one durable transaction. */
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
    String keyId = UUID.randomUUID().toString();
    String arn = KeyArns.key(scope.region(), scope.account(), keyId);
    Instant now = clock.instant();
    KeyMaterialRecord material = materials.create(keyId, arn, request.spec(), now);
    KeyRecord record = new KeyRecord(keyId, scope.account(), scope.region(), request.description(),
        request.spec().name(), request.usage().name(), request.origin().name(), KeyState.Enabled.name(),
        now, null, null, request.multiRegion(), request.policy(), material.materialId(), 0, customKeyStoreId,
        xksKeyId);
    storage.write(tx -> {
      tx.keys().insert(record);
      tx.keyMaterials().insert(material);
      request.tags().forEach((k, v) -> tx.tags().put(new TagRecord(keyId, k, v)));
      return null;
    });
    listener.keyChanged(keyId);
    return new KmsKey(record);
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
      Optional<KeyRecord> existing = storage.read(tx -> tx.keys().find(seed.keyId()));
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
          seed.tags().forEach((k, v) -> tx.tags().put(new TagRecord(seed.keyId(), k, v)));
          return null;
        });
      } catch (DuplicateRecordException e) {
        // Another node sharing the store seeded it at the same moment.
        requireSameSeed(storage.read(tx -> tx.keys().find(seed.keyId())).orElseThrow(() -> e), seed, material);
        return Seeded.ALREADY_PRESENT;
      }
      listener.keyChanged(seed.keyId());
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

  /** The key of that id in any account and Region (the key a grant is on), if it exists. */
  public java.util.Optional<KmsKey> findById(String keyId) {
    return storage.read(tx -> tx.keys().find(keyId)).map(KmsKey::new);
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
    listener.keyChanged(changed.keyId());
    return changed;
  }

  public Page<KmsKey> list(Scope scope, String marker, int limit) {
    String after = Page.after(marker, "key");
    List<KmsKey> fetched = storage.read(tx -> tx.keys().list(scope.account(), scope.region(), after, limit + 1))
        .stream().map(KmsKey::new).toList();
    return Page.of(fetched, limit, "key", KmsKey::keyId);
  }

  /** Deletes keys whose deletion date has passed by the injected clock; returns how many. */
  public int deleteDue() {
    Instant now = clock.instant();
    int deleted = 0;
    List<KeyRecord> due;
    do {
      due = storage.read(tx -> tx.keys().listDeletionDue(KeyState.PendingDeletion.name(), now, 100));
      for (KeyRecord record : due) {
        boolean gone = storage.write(tx -> tx.keys().find(record.keyId())
            .filter(r -> r.keyState().equals(KeyState.PendingDeletion.name())
                && r.deletionDate() != null && !r.deletionDate().isAfter(now))
            .map(r -> tx.keys().delete(r.keyId()))
            .orElse(false));
        if (gone) {
          listener.keyChanged(record.keyId());
          deleted++;
        }
      }
    } while (due.size() == 100);
    return deleted;
  }
}
