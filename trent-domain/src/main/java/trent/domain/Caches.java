package trent.domain;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * How the in-memory caches of the data plane are built.
 *
 * <p>Caffeine keeps its bookkeeping (the order of reads and writes, eviction, expiry) in buffers
 * and drains them from a task it gives its executor, every few reads. With a thread pool as that
 * executor, a busy data plane handed such a task to another thread, and woke it, every few
 * requests. {@link #onCaller} drains on the thread that read instead, a few entries at a time and
 * under a lock no reader waits for. What may touch the disk (reloading an entry in the background
 * after its refresh time) still runs on the blocking executor: {@link #loader}.
 */
public final class Caches {

  private Caches() {}

  /** A builder whose bookkeeping runs on the calling thread. */
  public static Caffeine<Object, Object> onCaller() {
    return Caffeine.newBuilder().executor(Runnable::run);
  }

  /**
   * A loader that reads on the calling thread when an entry is missing, and reloads an entry due
   * for refresh on {@code refreshExecutor}, never on the reader's thread.
   */
  public static <K, V> CacheLoader<K, V> loader(Function<K, V> load, Executor refreshExecutor) {
    return new CacheLoader<>() {
      @Override
      public V load(K key) {
        return load.apply(key);
      }

      @Override
      public CompletableFuture<? extends V> asyncReload(K key, V oldValue, Executor ignored) {
        return CompletableFuture.supplyAsync(() -> load.apply(key), refreshExecutor);
      }
    };
  }
}
