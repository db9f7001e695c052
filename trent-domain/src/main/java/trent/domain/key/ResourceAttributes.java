package trent.domain.key;

import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import trent.domain.Caches;
import trent.domain.Scope;
import trent.storage.AliasRecord;
import trent.storage.Storage;
import trent.storage.TagRecord;
import trent.storage.Transaction;

/**
 * The tags and aliases of each key, as authorization reads them ({@code aws:ResourceTag/<key>},
 * {@code kms:ResourceAliases}), held in memory so that the data plane decides without touching the
 * disk once a key has been used.
 *
 * <p>Guarantees: a tag or alias change made through this server is seen by the next request, because
 * {@code Tags} and {@code Aliases} tell their listener after storing it ({@link #tagsChanged} drops the
 * key's entry; {@link #aliasChanged} drops every entry of the alias's account and Region, as the notice
 * does not say which keys the alias left or joined). A change made on another node sharing the
 * database arrives as a change-feed notice; without one it is picked up within {@code refreshAfter}
 * (AWS documents up to five minutes for tag and alias changes to affect authorization). Bounded in
 * size. A storage failure while loading is a server fault, never "no tags".
 */
public final class ResourceAttributes implements KeyChangeListener {

  /** Aliases loaded per key: well above the quota of aliases per key that kms:ResourceAliases honours. */
  static final int MAX_ALIASES = 1000;

  /**
   * One key's attributes.
   *
   * @param tags tag key to value, ordered by tag key
   * @param aliases alias names ({@code alias/...}), ordered by name
   */
  public record Attributes(String account, String region, Map<String, String> tags, List<String> aliases) {
    public Attributes {
      tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
      aliases = List.copyOf(aliases);
    }
  }

  /** One copy of a key (each copy of a multi-Region key has its own tags and aliases). */
  private record Ref(String keyId, String account, String region) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Ref r && r.keyId.equals(keyId) && r.region.equals(region);
    }

    @Override
    public int hashCode() {
      return keyId.hashCode() * 31 + region.hashCode();
    }
  }

  private final LoadingCache<Ref, Attributes> byKey;

  public ResourceAttributes(Storage storage, Duration refreshAfter, Duration expireAfter, long maximumKeys,
      Executor refreshExecutor) {
    this.byKey = Caches.onCaller()
        .maximumSize(maximumKeys)
        .refreshAfterWrite(refreshAfter)
        .expireAfterWrite(expireAfter)
        .build(Caches.loader((Ref ref) -> storage.read((Transaction tx) -> load(tx, ref)), refreshExecutor));
  }

  private static Attributes load(Transaction tx, Ref ref) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (TagRecord t : tx.tags().list(ref.keyId(), ref.region())) {
      tags.put(t.tagKey(), t.tagValue());
    }
    List<String> aliases = tx.aliases().list(ref.account(), ref.region(), ref.keyId(), null, MAX_ALIASES).stream()
        .map(AliasRecord::aliasName).toList();
    return new Attributes(ref.account(), ref.region(), tags, aliases);
  }

  /** The key's tags and aliases, loaded from storage on a miss. */
  public Attributes of(KmsKey key) {
    return byKey.get(new Ref(key.keyId(), key.account(), key.region()));
  }

  @Override
  public void keyChanged(String keyId, String region) {
    drop(keyId, region);
  }

  @Override
  public void tagsChanged(String keyId, String region) {
    drop(keyId, region);
  }

  private void drop(String keyId, String region) {
    if (region.equals(ClusterNotices.ANY_REGION)) {
      byKey.asMap().keySet().removeIf(r -> r.keyId().equals(keyId));
    } else {
      byKey.invalidate(new Ref(keyId, "", region));
    }
  }

  @Override
  public void aliasChanged(Scope scope, String aliasName) {
    byKey.asMap().values().removeIf(a -> a.account().equals(scope.account()) && a.region().equals(scope.region()));
  }

  /** Drops everything cached, e.g. after the store was emptied. */
  public void invalidateAll() {
    byKey.invalidateAll();
  }
}
