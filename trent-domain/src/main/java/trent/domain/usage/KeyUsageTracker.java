package trent.domain.usage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 */
public final class KeyUsageTracker implements KeyUseListener {

  /** The latest use of one key not yet written. */
  private record Use(UsageOperation operation, Instant at, String requestId) {}

  /** What GetKeyLastUsage reports; {@code lastUse} is empty when the key was not used since tracking began. */
  public record LastUsage(KmsKey key, Optional<KeyUsageRecord> lastUse, Instant trackingStartDate) {}

  private final Storage storage;
  private final Clock clock;
  private final KeyResolver resolver = new KeyResolver();
  private final ConcurrentHashMap<String, Use> pending = new ConcurrentHashMap<>();
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
    pending.put(keyId, new Use(operation, clock.instant(), requestId));
  }

  /** Writes every pending use in one transaction; returns how many. A failed write keeps them pending. */
  public int flush() {
    List<KeyUsageRecord> batch = new ArrayList<>();
    for (Map.Entry<String, Use> e : pending.entrySet()) {
      Use use = e.getValue();
      if (pending.remove(e.getKey(), use)) {
        batch.add(new KeyUsageRecord(e.getKey(), use.operation().name(), use.at(), use.requestId()));
      }
    }
    if (batch.isEmpty()) {
      return 0;
    }
    try {
      storage.write(tx -> {
        batch.forEach(tx.keyUsage()::recordIfLater);
        return null;
      });
    } catch (RuntimeException e) {
      for (KeyUsageRecord r : batch) {
        pending.merge(r.keyId(), new Use(UsageOperation.valueOf(r.operation()), r.usedAt(), r.requestId()),
            (newer, older) -> newer.at().isBefore(older.at()) ? older : newer);
      }
      throw e;
    }
    return batch.size();
  }

  /** GetKeyLastUsage: the stored use, or this node's pending one when it is later. */
  public LastUsage lastUsage(Scope scope, String keyIdText) {
    KeyUsageTracker.LastUsage stored = storage.read(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      return new LastUsage(key, tx.keyUsage().find(key.keyId()), trackingStart);
    });
    Use use = pending.get(stored.key().keyId());
    Optional<KeyUsageRecord> last = stored.lastUse();
    if (use != null && (last.isEmpty() || use.at().isAfter(last.get().usedAt()))) {
      last = Optional.of(new KeyUsageRecord(stored.key().keyId(), use.operation().name(), use.at(), use.requestId()));
    }
    Instant start = stored.key().creationDate().isAfter(trackingStart) ? stored.key().creationDate() : trackingStart;
    return new LastUsage(stored.key(), last, start);
  }
}
