package trent.domain.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trent.domain.Page;
import trent.domain.Scope;
import trent.domain.error.ConflictException;
import trent.domain.error.KmsUnsupportedOperationException;
import trent.domain.error.LimitExceededException;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.error.KMSInvalidStateException;
import trent.storage.ImportedMaterialRecord;
import trent.storage.KeyMaterialRecord;
import trent.storage.KeyRecord;
import trent.storage.KeyMaterialRotationRecord;
import trent.storage.KeyRotationRecord;
import trent.storage.Storage;
import trent.storage.Transaction;

/**
 * Key rotation (OPERATIONS.md "Rotation"): automatic rotation on the injected clock, on-demand
 * rotation, and the history of rotations. A rotation makes fresh key material current; every
 * older material stays with the key, so ciphertext that names it still decrypts.
 *
 * <p>Every rotation is one storage transaction that reads the key and its rotation settings again
 * and decides on the fresh records, so two nodes sharing a store rotate a due key once: the second
 * finds it no longer due (PostgreSQL: the rows are locked as read; everywhere: optimistic versions).
 */
public final class Rotations {

  /** RotationPeriodInDays when EnableKeyRotation omits it (documented default). */
  public static final int DEFAULT_ROTATION_PERIOD_IN_DAYS = 365;

  /**
   * On-demand rotations a key may have: "You can perform on-demand key rotation a maximum of 25
   * times per KMS key" (RotateKeyOnDemand documentation in the 2026 model; it said 10 in 2024).
   */
  public static final int MAX_ON_DEMAND_ROTATIONS = 25;

  /** An automatic rotation due this soon makes RotateKeyOnDemand a ConflictException (model documentation). */
  static final Duration CONFLICT_WINDOW = Duration.ofMinutes(20);

  public enum RotationType { AUTOMATIC, ON_DEMAND }

  /** What GetKeyRotationStatus reports. */
  public record Status(KmsKey key, boolean enabled, Integer rotationPeriodInDays, Instant nextRotationDate) {}

  /**
   * One entry of ListKeyRotations; rotation type and date are absent for the first material and
   * for imported material pending rotation. {@code keyMaterialState} is CURRENT, NON_CURRENT or
   * PENDING_ROTATION; {@code imported} is the import record of a key of origin EXTERNAL.
   */
  public record Entry(String keyId, String keyMaterialId, boolean current, RotationType rotationType,
      Instant rotationDate, String keyMaterialState, ImportedMaterialRecord imported) {}

  private final Storage storage;
  private final KeyMaterials materials;
  private final KeyResolver resolver = new KeyResolver();
  private final Clock clock;
  private final KeyChangeListener listener;

  public Rotations(Storage storage, KeyMaterials materials, Clock clock, KeyChangeListener listener) {
    this.storage = storage;
    this.materials = materials;
    this.clock = clock;
    this.listener = listener;
  }

  /** GetKeyRotationStatus. A key pending deletion reports rotation off (model documentation). */
  public Status status(Scope scope, String keyIdText) {
    return storage.read(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      requireReadable(key);
      requireSymmetricEncryption(key);
      Optional<KeyRotationRecord> r = tx.rotations().find(key.keyId());
      boolean on = r.map(KeyRotationRecord::automaticRotationEnabled).orElse(false)
          && !key.isPendingDeletion();
      return on
          ? new Status(key, true, r.get().rotationPeriodInDays(), r.get().nextRotationDate())
          : new Status(key, false, null, null);
    });
  }

  /**
   * EnableKeyRotation: the first rotation is due one period after now. Enabling again with another
   * period keeps the schedule's anchor (the last rotation, or when rotation was enabled).
   */
  public void enable(Scope scope, String keyIdText, int rotationPeriodInDays) {
    Instant now = clock.instant();
    storage.write(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      requireChangeable(key);
      Optional<KeyRotationRecord> r = tx.rotations().find(key.keyId());
      Duration period = Duration.ofDays(rotationPeriodInDays);
      Instant next = r.filter(KeyRotationRecord::automaticRotationEnabled)
          .map(old -> old.nextRotationDate().minus(Duration.ofDays(old.rotationPeriodInDays())).plus(period))
          .orElse(now.plus(period));
      save(tx, r, key.keyId(), true, rotationPeriodInDays, next, r.map(KeyRotationRecord::onDemandRotations).orElse(0));
      return null;
    });
  }

  /** DisableKeyRotation: the period is kept for a later EnableKeyRotation's report. */
  public void disable(Scope scope, String keyIdText) {
    storage.write(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      requireChangeable(key);
      Optional<KeyRotationRecord> r = tx.rotations().find(key.keyId());
      if (r.isPresent()) {
        save(tx, r, key.keyId(), false, r.get().rotationPeriodInDays(), null, r.get().onDemandRotations());
      }
      return null;
    });
  }

  /**
   * RotateKeyOnDemand: new material becomes current at once (Trent's rotation is one transaction,
   * so there is never an on-demand rotation in progress to report). Order as AWS: key state first
   * (recorded: a disabled RSA key answers DisabledException), then the key type.
   */
  public KmsKey rotateOnDemand(Scope scope, String keyIdText) {
    Instant now = clock.instant();
    KmsKey rotated = storage.write(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      key.requireEnabled();
      Optional<ImportedMaterialRecord> pending = Optional.empty();
      if (key.origin() == Origin.EXTERNAL) {
        // Since 2025 a symmetric key with imported material rotates on demand to new material
        // imported with ImportType NEW_KEY_MATERIAL.
        requireSymmetricEncryption(key);
        pending = tx.imports().listMaterials(key.keyId()).stream()
            .filter(m -> m.pendingRotation() && Imports.IMPORTED.equals(m.importState())).findFirst();
        if (pending.isEmpty()) {
          // Recorded text (OPERATIONS.md "RotateKeyOnDemand").
          throw new KMSInvalidStateException("No available key material pending rotation for the key: "
              + key.arn() + ".");
        }
      } else {
        requireRotatable(key);
      }
      requirePrimary(key);
      Optional<KeyRotationRecord> r = tx.rotations().find(key.keyId());
      int done = r.map(KeyRotationRecord::onDemandRotations).orElse(0);
      if (done >= MAX_ON_DEMAND_ROTATIONS) {
        // Recorded AWS text (LocalStack snapshot test_key_rotations_limits).
        throw new LimitExceededException("The on-demand rotations limit has been reached for the given keyId."
            + " No more on-demand rotations can be performed for this key: " + key.arn());
      }
      if (r.isPresent() && r.get().automaticRotationEnabled()
          && r.get().nextRotationDate().isBefore(now.plus(CONFLICT_WINDOW))) {
        // The model's description of ConflictException; AWS's wire text is not recorded.
        throw new ConflictException("The request was rejected because an automatic rotation of this key is"
            + " currently in progress or scheduled to begin within the next 20 minutes.");
      }
      KmsKey next = pending.isPresent()
          ? rotateToImported(tx, key, pending.get(), now)
          : rotate(tx, key, RotationType.ON_DEMAND, now);
      save(tx, r, key.keyId(), r.map(KeyRotationRecord::automaticRotationEnabled).orElse(false),
          r.map(KeyRotationRecord::rotationPeriodInDays).orElse(DEFAULT_ROTATION_PERIOD_IN_DAYS),
          r.map(KeyRotationRecord::nextRotationDate).orElse(null), done + 1);
      return next;
    });
    copiesChanged(rotated.keyId());
    return rotated;
  }

  /**
   * ListKeyRotations: completed rotations oldest first; with {@code allKeyMaterial} the first
   * material leads the list.
   */
  public Page<Entry> list(Scope scope, String keyIdText, boolean allKeyMaterial, String marker, int limit) {
    String after = Page.after(marker, "rotation");
    List<Entry> entries = storage.read(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      requireReadable(key);
      requireSymmetricEncryption(key);
      String current = key.currentMaterialId().orElse("");
      List<KeyMaterialRotationRecord> rotations = tx.rotations().listRotations(key.keyId());
      boolean external = key.origin() == Origin.EXTERNAL;
      java.util.Map<String, ImportedMaterialRecord> imported = new java.util.LinkedHashMap<>();
      if (external) {
        tx.imports().listMaterials(key.keyId()).forEach(m -> imported.put(m.materialId(), m));
      }
      List<Entry> all = new ArrayList<>();
      if (allKeyMaterial) {
        List<String> ids = external ? List.copyOf(imported.keySet())
            : tx.keyMaterials().list(key.keyId()).stream().map(KeyMaterialRecord::materialId).toList();
        for (String id : ids) {
          if (rotations.stream().noneMatch(r -> r.materialId().equals(id))) {
            ImportedMaterialRecord m = imported.get(id);
            String state = id.equals(current) ? "CURRENT"
                : m != null && m.pendingRotation() ? "PENDING_ROTATION" : "NON_CURRENT";
            all.add(new Entry(key.keyId(), id, id.equals(current), null, null, state, m));
          }
        }
      }
      for (KeyMaterialRotationRecord r : rotations) {
        boolean isCurrent = r.materialId().equals(current);
        all.add(new Entry(key.keyId(), r.materialId(), isCurrent, RotationType.valueOf(r.rotationType()),
            r.rotationDate(), isCurrent ? "CURRENT" : "NON_CURRENT", imported.get(r.materialId())));
      }
      return all;
    });
    int start = 0;
    if (after != null) {
      while (start < entries.size() && !entries.get(start).keyMaterialId().equals(after)) {
        start++;
      }
      start++;
    }
    List<Entry> fetched = entries.subList(Math.min(start, entries.size()), Math.min(entries.size(), start + limit + 1));
    return Page.of(fetched, limit, "rotation", Entry::keyMaterialId);
  }

  /**
   * Rotates, by the injected clock, every Enabled key whose automatic rotation is due; returns how
   * many. A Disabled key is not rotated and stays due, so it rotates as soon as it is enabled again
   * (GetKeyRotationStatus documentation); a key pending deletion is not rotated either.
   */
  public int rotateDue() {
    Instant now = clock.instant();
    int rotated = 0;
    int skipped = 0;
    List<KeyRotationRecord> due;
    do {
      int offset = skipped;
      due = storage.read(tx -> tx.rotations().listDue(now, offset + 100));
      due = due.subList(Math.min(offset, due.size()), due.size());
      for (KeyRotationRecord candidate : due) {
        boolean done = storage.write(tx -> rotateIfDue(tx, candidate.keyId(), now));
        if (done) {
          copiesChanged(candidate.keyId());
          rotated++;
        } else {
          skipped++;
        }
      }
    } while (due.size() == 100);
    return rotated;
  }

  private boolean rotateIfDue(Transaction tx, String keyId, Instant now) {
    // Rotation settings are the primary's (a multi-Region key's copies share them): its state decides.
    Optional<KmsKey> key = tx.keys().findCopies(keyId).stream()
        .filter(k -> !k.multiRegion() || k.isPrimary()).findFirst().map(KmsKey::new);
    Optional<KeyRotationRecord> r = tx.rotations().find(keyId);
    if (key.isEmpty() || r.isEmpty() || !r.get().automaticRotationEnabled()
        || r.get().nextRotationDate().isAfter(now) || key.get().state() != KeyState.Enabled) {
      return false;
    }
    rotate(tx, key.get(), RotationType.AUTOMATIC, now);
    Duration period = Duration.ofDays(r.get().rotationPeriodInDays());
    Instant next = r.get().nextRotationDate().plus(period);
    save(tx, r, keyId, true, r.get().rotationPeriodInDays(), next.isAfter(now) ? next : now.plus(period),
        r.get().onDemandRotations());
    return true;
  }

  private KmsKey rotate(Transaction tx, KmsKey key, RotationType type, Instant now) {
    KeyMaterialRecord material = materials.createSymmetric(key.keyId(), key.arn(), now);
    tx.keyMaterials().insert(material);
    tx.rotations().addRotation(new KeyMaterialRotationRecord(key.keyId(), material.materialId(), type.name(), now));
    return makeCurrent(tx, key, material.materialId());
  }

  /**
   * Makes {@code materialId} current in {@code key} and, for a multi-Region key, in every replica:
   * the copies share their material, so a rotation of the primary rotates them all.
   */
  private static KmsKey makeCurrent(Transaction tx, KmsKey key, String materialId) {
    if (key.multiRegion()) {
      for (KeyRecord copy : tx.keys().findCopies(key.keyId())) {
        if (!copy.region().equals(key.region())) {
          tx.keys().update(new KmsKey(copy).withCurrentMaterial(materialId));
        }
      }
    }
    return new KmsKey(tx.keys().update(key.withCurrentMaterial(materialId)));
  }

  /** Tells the listener that every copy of the key changed (a rotation changes what they share). */
  private void copiesChanged(String keyId) {
    storage.read(tx -> tx.keys().findCopies(keyId)).forEach(r -> listener.keyChanged(r.keyId(), r.region()));
  }

  /** On-demand rotation of an imported-material key: the material pending rotation becomes current. */
  private KmsKey rotateToImported(Transaction tx, KmsKey key, ImportedMaterialRecord pending, Instant now) {
    tx.imports().updateMaterial(new ImportedMaterialRecord(pending.keyId(), pending.materialId(),
        pending.importState(), pending.expirationModel(), pending.validTo(), pending.description(),
        pending.wrappedDigest(), false, pending.importedAt(), pending.version()));
    tx.rotations().addRotation(new KeyMaterialRotationRecord(key.keyId(), pending.materialId(),
        RotationType.ON_DEMAND.name(), now));
    return makeCurrent(tx, key, pending.materialId());
  }

  private static void save(Transaction tx, Optional<KeyRotationRecord> stored, String keyId, boolean enabled,
      int period, Instant next, int onDemand) {
    long version = stored.map(KeyRotationRecord::version).orElse(0L);
    KeyRotationRecord record = new KeyRotationRecord(keyId, enabled, period, next, onDemand, version);
    if (stored.isPresent()) {
      tx.rotations().update(record);
    } else {
      tx.rotations().insert(record);
    }
  }

  /** Enable/DisableKeyRotation: an Enabled key (Disabled is DisabledException), of a rotatable type. */
  private static void requireChangeable(KmsKey key) {
    key.requireEnabled();
    requireRotatable(key);
    requirePrimary(key);
  }

  /**
   * The copies of a multi-Region key share rotation: its settings are changed, and on-demand
   * rotation asked, on the primary only (KMS developer guide, "Rotating multi-Region keys").
   */
  static void requirePrimary(KmsKey key) {
    if (key.isReplica()) {
      throw MultiRegionErrors.notPrimary(key.arn());
    }
  }

  private static void requireReadable(KmsKey key) {
    KeyState s = key.state();
    if (s != KeyState.Enabled && s != KeyState.Disabled && s != KeyState.PendingDeletion
        && s != KeyState.PendingReplicaDeletion && s != KeyState.PendingImport) {
      throw s.invalidFor(key.arn());
    }
  }

  /**
   * Only symmetric encryption keys rotate. Recorded AWS answer for another key type:
   * UnsupportedOperationException with an empty message (LocalStack snapshot
   * test_rotate_key_on_demand_raises_error_given_non_symmetric_key).
   */
  private static void requireSymmetricEncryption(KmsKey key) {
    if (key.spec() != KeySpec.SYMMETRIC_DEFAULT || key.usage() != KeyUsage.ENCRYPT_DECRYPT) {
      throw new KmsUnsupportedOperationException("");
    }
  }

  /**
   * ...and only with material KMS made. Recorded for origin EXTERNAL (LocalStack snapshot
   * test_rotate_key_on_demand_raises_error_given_key_with_imported_key_material); the same form
   * for custom key store origins is assumed.
   */
  private static void requireRotatable(KmsKey key) {
    requireSymmetricEncryption(key);
    if (key.origin() != Origin.AWS_KMS) {
      throw new KmsUnsupportedOperationException(
          key.arn() + " origin is " + key.origin().name() + " which is not valid for this operation.");
    }
  }
}
