package trent.domain.grant;

import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import trent.domain.Caches;
import trent.domain.Scope;
import trent.domain.key.KeyChangeListener;
import trent.storage.Storage;
import trent.storage.Transaction;

/**
 * The grants of each key, held in memory so that the data plane decides without touching the disk.
 * Bounded; an entry is reloaded in the background after {@code refreshAfter} and dropped after
 * {@code expireAfter}; a key change notice (local or from another node) drops it at once.
 */
public final class GrantCache implements KeyChangeListener {

  /** One copy of a key: each copy of a multi-Region key has its own grants. */
  private record CopyKey(String keyId, String region) {}

  private final LoadingCache<CopyKey, List<Grant>> byKey;

  public GrantCache(Storage storage, Duration refreshAfter, Duration expireAfter, long maximumKeys, Executor refreshExecutor) {
    this.byKey = Caches.onCaller()
        .maximumSize(maximumKeys)
        .refreshAfterWrite(refreshAfter)
        .expireAfterWrite(expireAfter)
        .build(Caches.loader((CopyKey k) -> storage.read((Transaction tx) -> Grants.all(tx, k.keyId(), k.region(), g -> true)),
            refreshExecutor));
  }

  /** The grants on a key, loaded from storage on a miss. */
  public List<Grant> of(String keyId, String region) {
    return byKey.get(new CopyKey(keyId, region));
  }

  @Override
  public void keyChanged(String keyId, String region) {
    if (region.equals(trent.domain.key.ClusterNotices.ANY_REGION)) {
      byKey.asMap().keySet().removeIf(k -> k.keyId().equals(keyId));
    } else {
      byKey.invalidate(new CopyKey(keyId, region));
    }
  }

  @Override
  public void aliasChanged(Scope scope, String aliasName) {}
}
