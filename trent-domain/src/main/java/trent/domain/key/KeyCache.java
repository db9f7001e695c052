package trent.domain.key;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.AsymmetricKeyPair;
import trent.crypto.mac.HmacKey;
import trent.domain.Caches;
import trent.domain.Scope;
import trent.domain.ciphertext.BackingKey;
import trent.domain.error.KMSInternalException;
import trent.storage.KeyMaterialRecord;
import trent.storage.KeyRecord;
import trent.storage.Storage;
import trent.storage.Transaction;

/**
 * The data plane's view of keys, aliases and unwrapped backing keys, held in memory so that
 * cryptographic operations touch no disk once a key has been used.
 *
 * <p>Guarantees: a change made through this server (state, deletion, alias) is visible to the
 * next request, because the domain calls {@link #keyChanged} / {@link #aliasChanged} after storing
 * it. A change made elsewhere (another node sharing the database) is picked up within
 * {@code refreshAfter}: an entry older than that is reloaded in the background on its next use,
 * and one unused for {@code expireAfter} is dropped. All three caches are bounded in size.
 *
 * <p>Unwrapped backing keys are not zeroed on eviction: a request may still be using one, and the
 * JVM may hold copies anyway; they live only as long as the cache holds them.
 */
public final class KeyCache implements KeyLookup, KeyChangeListener {

  private record AliasKey(String account, String region, String aliasName) {}

  /** One copy of a key: the copies of a multi-Region key share their id, one per Region. */
  private record CopyKey(String keyId, String region) {}

  /** Material is shared by the copies of a multi-Region key, so it is cached by key id. */
  private record MaterialKey(String keyId, String materialId) {}

  private final Storage storage;
  private final KeyMaterials materials;
  private final LoadingCache<CopyKey, Optional<KeyRecord>> keys;
  private final LoadingCache<AliasKey, Optional<String>> aliases;
  private final Cache<MaterialKey, BackingKey> backingKeys;
  /** Parsed asymmetric key pairs and HMAC keys, by the material they were read from. */
  private final Cache<MaterialKey, Object> privateKeys;

  public KeyCache(Storage storage, KeyMaterials materials, Duration refreshAfter, Duration expireAfter,
      long maximumKeys, Executor refreshExecutor) {
    this.storage = storage;
    this.materials = materials;
    this.keys = Caches.onCaller()
        .maximumSize(maximumKeys)
        .refreshAfterWrite(refreshAfter)
        .expireAfterWrite(expireAfter)
        .recordStats()
        .build(Caches.loader((CopyKey k) -> storage.read((Transaction tx) -> tx.keys().find(k.keyId(), k.region())),
            refreshExecutor));
    this.aliases = Caches.onCaller()
        .maximumSize(maximumKeys)
        .refreshAfterWrite(refreshAfter)
        .expireAfterWrite(expireAfter)
        .recordStats()
        .build(Caches.loader((AliasKey a) -> storage.read((Transaction tx) ->
            tx.aliases().find(a.account(), a.region(), a.aliasName()).map(r -> r.targetKeyId())), refreshExecutor));
    this.backingKeys = Caches.onCaller()
        .maximumSize(maximumKeys)
        .expireAfterAccess(expireAfter)
        .recordStats()
        .build();
    this.privateKeys = Caches.onCaller()
        .maximumSize(maximumKeys)
        .expireAfterAccess(expireAfter)
        .build();
  }

  /**
   * Hit, miss, load and eviction counts of the three caches, by name ({@code keys},
   * {@code aliases}, {@code backingKeys}), for metrics.
   */
  public java.util.Map<String, com.github.benmanes.caffeine.cache.stats.CacheStats> stats() {
    return java.util.Map.of("keys", keys.stats(), "aliases", aliases.stats(), "backingKeys", backingKeys.stats());
  }

  @Override
  public Optional<KeyRecord> key(String keyId, String region) {
    return keys.get(new CopyKey(keyId, region));
  }

  @Override
  public Optional<String> aliasTarget(Scope scope, String aliasName) {
    return aliases.get(new AliasKey(scope.account(), scope.region(), aliasName));
  }

  /**
   * The unwrapped material {@code materialId} of {@code key}, or empty when the key has no such
   * material. A stored record that does not unwrap is a server fault, never a client error.
   */
  public Optional<BackingKey> backingKey(KmsKey key, String materialId) {
    MaterialKey id = new MaterialKey(key.keyId(), materialId);
    BackingKey cached = backingKeys.getIfPresent(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<KeyMaterialRecord> record = storage.read((Transaction tx) -> tx.keyMaterials().find(key.keyId(), materialId));
    if (record.isEmpty()) {
      return Optional.empty();
    }
    BackingKey loaded;
    try {
      loaded = BackingKey.of(key.keyId(), materialId, materials.unwrap(key.arn(), record.get()));
    } catch (RuntimeException e) {
      throw new KMSInternalException("The key material of " + key.arn() + " could not be unwrapped.", e);
    }
    return Optional.of(backingKeys.asMap().computeIfAbsent(id, k -> loaded));
  }

  /**
   * The parsed key pair of an asymmetric key's material {@code materialId}, or empty when the key
   * has no such material. Parsed once, then served from memory like {@link #backingKey}.
   */
  public Optional<AsymmetricKeyPair> keyPair(KmsKey key, String materialId) {
    return parsed(key, materialId, AsymmetricKeyPair.class,
        material -> AsymmetricKeyPair.fromPkcs8(key.spec().asymmetric().orElseThrow(), material));
  }

  /** The HMAC key of an HMAC key's material {@code materialId}, or empty when it has no such material. */
  public Optional<HmacKey> hmacKey(KmsKey key, String materialId) {
    return parsed(key, materialId, HmacKey.class,
        material -> HmacKey.fromKeyMaterial(key.spec().hmac().orElseThrow(), material));
  }

  private <T> Optional<T> parsed(KmsKey key, String materialId, Class<T> type, Function<SecretBytes, T> parse) {
    MaterialKey id = new MaterialKey(key.keyId(), materialId);
    Object cached = privateKeys.getIfPresent(id);
    if (type.isInstance(cached)) {
      return Optional.of(type.cast(cached));
    }
    Optional<KeyMaterialRecord> record = storage.read((Transaction tx) -> tx.keyMaterials().find(key.keyId(), materialId));
    if (record.isEmpty()) {
      return Optional.empty();
    }
    T loaded;
    try (SecretBytes material = materials.unwrap(key.arn(), record.get())) {
      loaded = parse.apply(material);
    } catch (RuntimeException e) {
      throw new KMSInternalException("The key material of " + key.arn() + " could not be unwrapped.", e);
    }
    privateKeys.put(id, loaded);
    return Optional.of(loaded);
  }

  @Override
  public void keyChanged(String keyId, String region) {
    if (region.equals(ClusterNotices.ANY_REGION)) {
      keys.asMap().keySet().removeIf(k -> k.keyId().equals(keyId));
      aliases.asMap().values().removeIf(target -> target.equals(Optional.of(keyId)));
    } else {
      keys.invalidate(new CopyKey(keyId, region));
      aliases.asMap().entrySet().removeIf(e -> e.getKey().region().equals(region)
          && e.getValue().equals(Optional.of(keyId)));
    }
    // Shared by every copy: a rotation or deleted material changes them all.
    backingKeys.asMap().keySet().removeIf(k -> k.keyId().equals(keyId));
    privateKeys.asMap().keySet().removeIf(k -> k.keyId().equals(keyId));
  }

  /** Drops everything cached, e.g. after the store was emptied. */
  public void invalidateAll() {
    keys.invalidateAll();
    aliases.invalidateAll();
    backingKeys.invalidateAll();
  }

  @Override
  public void aliasChanged(Scope scope, String aliasName) {
    aliases.invalidate(new AliasKey(scope.account(), scope.region(), aliasName));
  }
}
