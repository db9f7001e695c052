package trent.domain.grant;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
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

  private final LoadingCache<String, List<Grant>> byKey;

  public GrantCache(Storage storage, Duration refreshAfter, Duration expireAfter, long maximumKeys, Executor refreshExecutor) {
    this.byKey = Caffeine.newBuilder()
        .maximumSize(maximumKeys)
        .refreshAfterWrite(refreshAfter)
        .expireAfterWrite(expireAfter)
        .executor(refreshExecutor)
        .build(keyId -> storage.read((Transaction tx) -> Grants.all(tx, keyId, g -> true)));
  }

  /** The grants on a key, loaded from storage on a miss. */
  public List<Grant> of(String keyId) {
    return byKey.get(keyId);
  }

  @Override
  public void keyChanged(String keyId) {
    byKey.invalidate(keyId);
  }

  @Override
  public void aliasChanged(Scope scope, String aliasName) {}
}
