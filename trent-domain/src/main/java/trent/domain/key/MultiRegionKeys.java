package trent.domain.key;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import trent.domain.Scope;
import trent.domain.error.KmsUnsupportedOperationException;
import trent.domain.key.KeyResolver.Forms;
import trent.storage.KeyRecord;
import trent.storage.Storage;
import trent.storage.TagRecord;

/**
 * Multi-Region keys (OPERATIONS.md "Multi-Region keys"): replicating a primary key into another
 * Region of its account, and moving the primary to a Region that holds a replica.
 *
 * <p>The copies of a multi-Region key share their key id, key material and rotation (stored once,
 * by key id, so a ciphertext, signature or MAC made with one copy is accepted by every other); each
 * copy has its own description, key policy, tags, grants, aliases and enabled state. Every change
 * is one storage transaction that reads the copies again.
 */
public final class MultiRegionKeys {

  /** What ReplicateKey gives the replica of its own. */
  public record Replica(String description, String policy, Map<String, String> tags) {
    public Replica {
      tags = Map.copyOf(tags);
    }
  }

  private final Storage storage;
  private final Clock clock;
  private final KeyChangeListener listener;
  private final KeyResolver resolver = new KeyResolver();

  public MultiRegionKeys(Storage storage, Clock clock, KeyChangeListener listener) {
    this.storage = storage;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * The primary key a ReplicateKey names, checked as AWS checks it: a multi-Region key, its
   * primary, enabled. A replica cannot be replicated (there is no replica of a replica).
   */
  public static void requireReplicable(KmsKey key) {
    if (!key.multiRegion()) {
      throw MultiRegionErrors.notMultiRegion(key.arn());
    }
    if (!key.isPrimary()) {
      throw MultiRegionErrors.notPrimary(key.arn());
    }
    key.requireEnabled();
    if (key.origin() == Origin.EXTERNAL) {
      // AWS creates such a replica in PendingImport for the same material to be imported there;
      // Trent does not yet (README, "Multi-Region keys").
      throw new KmsUnsupportedOperationException(key.arn() + " has imported key material: Trent does not"
          + " replicate multi-Region keys of origin EXTERNAL.");
    }
  }

  /**
   * ReplicateKey: creates the copy of the primary key the caller names in {@code replicaRegion},
   * with the same key id and the primary's key material, and returns it. {@code check} sees the
   * primary before anything is written (authorization).
   */
  public KmsKey replicate(Scope scope, String keyIdText, String replicaRegion, Replica replica,
      Consumer<KmsKey> check) {
    Instant now = clock.instant();
    KmsKey created = storage.write(tx -> {
      KmsKey primary = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      check.accept(primary);
      requireReplicable(primary);
      if (tx.keys().find(primary.keyId(), replicaRegion).isPresent()) {
        throw MultiRegionErrors.replicaExists(primary.arnIn(replicaRegion));
      }
      KeyRecord p = primary.record();
      KeyRecord record = new KeyRecord(p.keyId(), p.account(), replicaRegion, replica.description(), p.keySpec(),
          p.keyUsage(), p.origin(), KeyState.Enabled.name(), now, null, null, true, replica.policy(),
          p.currentMaterialId(), 0, null, null, primary.region());
      tx.keys().insert(record);
      replica.tags().forEach((k, v) -> tx.tags().put(new TagRecord(p.keyId(), replicaRegion, k, v)));
      return new KmsKey(record);
    });
    listener.keyChanged(created);
    return created;
  }

  /**
   * UpdatePrimaryRegion: the copy in {@code primaryRegion} becomes the primary and the primary the
   * caller names becomes a replica; every copy's multi-Region configuration follows. {@code check}
   * sees the current primary and the copy that becomes primary (authorization on both).
   */
  public void updatePrimaryRegion(Scope scope, String keyIdText, String primaryRegion,
      BiConsumer<KmsKey, KmsKey> check) {
    List<KmsKey> changed = storage.write(tx -> {
      KmsKey primary = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      if (!primary.multiRegion()) {
        throw MultiRegionErrors.notMultiRegion(primary.arn());
      }
      if (!primary.isPrimary()) {
        throw MultiRegionErrors.notPrimary(primary.arn());
      }
      if (primaryRegion.equals(primary.region())) {
        throw MultiRegionErrors.sameRegion(primary.arn(), primaryRegion);
      }
      Optional<KmsKey> next = tx.keys().find(primary.keyId(), primaryRegion).map(KmsKey::new);
      if (next.isEmpty()) {
        throw MultiRegionErrors.noReplicaIn(primary.arn(), primaryRegion);
      }
      check.accept(primary, next.get());
      primary.requireEnabled();
      next.get().requireEnabled();
      List<KmsKey> updated = new ArrayList<>();
      for (KeyRecord copy : tx.keys().findCopies(primary.keyId())) {
        updated.add(new KmsKey(tx.keys().update(copy.withPrimaryRegion(primaryRegion))));
      }
      return updated;
    });
    changed.forEach(listener::keyChanged);
  }
}
