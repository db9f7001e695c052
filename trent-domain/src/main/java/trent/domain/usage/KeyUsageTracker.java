package trent.domain.usage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import trent.domain.Scope;
import trent.domain.key.KeyResolver;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.KmsKey;
import trent.storage.KeyUsageRecord;
import trent.storage.Storage;

/**
 * Records each key's last successful cryptographic use without a disk write on the data plane:
 * {@link #used} keeps only the latest use per key in memory (one small object per call), and
 * {@link #flush} writes what accumulated in one storage transaction, from a background task and
 * on shutdown.
 *
 * <p>Guarantees: GetKeyLastUsage on this node sees its own uses at once (the pending use is
 * merged over the stored one). Another node's uses become visible once that node flushed. Uses not
 * yet flushed when the process is killed are lost; a clean shutdown flushes them. The request id
 * is reported both as KmsRequestId and as CloudTrailEventId, because Trent writes no CloudTrail.
 *
 * <p>Each thread keeps its pending uses in a map of its own: every data-plane request records a
 * use, and threads serving the same key would otherwise take turns on one map entry's lock (2% of
 * a Decrypt's CPU under load, JFR). {@link #flush} and {@link #lastUsage} read all the maps and keep
 * the latest use of each key.
 */
public final class KeyUsageTracker implements KeyUseListener {

  /** The latest use of one key not yet written. */
  private record Use(UsageOperation operation, Instant at, String requestId) {}

  /** What GetKeyLastUsage reports; {@code lastUse} is empty when the key was not used since tracking began. */
  public record LastUsage(KmsKey key, Optional<KeyUsageRecord> lastUse, Instant trackingStartDate) {}

  private final Storage storage;
  private final Clock clock;
  private final KeyResolver resolver = new KeyResolver();
  /** Every thread's pending uses; a map is written by its thread and emptied by {@link #flush}. */
  private final List<ConcurrentHashMap<String, Use>> pendingByThread = new CopyOnWriteArrayList<>();
  private final ThreadLocal<ConcurrentHashMap<String, Use>> pending = ThreadLocal.withInitial(() -> {
    ConcurrentHashMap<String, Use> mine = new ConcurrentHashMap<>();
    pendingByThread.add(mine);
    return mine;
  });
  private volatile Instant trackingStart;

  public KeyUsageTracker(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** Reads (or, on the first start ever, stores) when tracking began; call once before serving. */
  public void start() {
    Instant now = clock.instant();
    trackingStart = storage.write(tx -> tx.keyUsage().trackingStart(now));
  }

  @Override
  public void used(String keyId, UsageOperation operation, String requestId) {
    pending.get().put(keyId, new Use(operation, clock.instant(), requestId));
  }

  /** Writes every pending use in one transaction; returns how many. A failed write keeps them pending. */
  public int flush() {
    Map<String, Use> latest = new HashMap<>();
    for (ConcurrentHashMap<String, Use> map : pendingByThread) {
      for (Map.Entry<String, Use> e : map.entrySet()) {
        Use use = e.getValue();
        if (map.remove(e.getKey(), use)) {
          latest.merge(e.getKey(), use, KeyUsageTracker::later);
        }
      }
    }
    if (latest.isEmpty()) {
      return 0;
    }
    List<KeyUsageRecord> batch = new ArrayList<>(latest.size());
    latest.forEach((keyId, use) -> batch.add(new KeyUsageRecord(keyId, use.operation().name(), use.at(), use.requestId())));
    try {
      storage.write(tx -> {
        batch.forEach(tx.keyUsage()::recordIfLater);
        return null;
      });
    } catch (RuntimeException e) {
      ConcurrentHashMap<String, Use> mine = pending.get();
      latest.forEach((keyId, use) -> mine.merge(keyId, use, KeyUsageTracker::later));
      throw e;
    }
    return batch.size();
  }

  /** The later of two uses of one key (the first when they are equally late). */
  private static Use later(Use a, Use b) {
    return b.at().isAfter(a.at()) ? b : a;
  }

  /** GetKeyLastUsage: the stored use, or this node's pending one when it is later. */
  public LastUsage lastUsage(Scope scope, String keyIdText) {
    KeyUsageTracker.LastUsage stored = storage.read(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      return new LastUsage(key, tx.keyUsage().find(key.keyId()), trackingStart);
    });
    Use use = null;
    for (ConcurrentHashMap<String, Use> map : pendingByThread) {
      Use candidate = map.get(stored.key().keyId());
      if (candidate != null) {
        use = use == null ? candidate : later(use, candidate);
      }
    }
    Optional<KeyUsageRecord> last = stored.lastUse();
    if (use != null && (last.isEmpty() || use.at().isAfter(last.get().usedAt()))) {
      last = Optional.of(new KeyUsageRecord(stored.key().keyId(), use.operation().name(), use.at(), use.requestId()));
    }
    Instant start = stored.key().creationDate().isAfter(trackingStart) ? stored.key().creationDate() : trackingStart;
    return new LastUsage(stored.key(), last, start);
  }
}
