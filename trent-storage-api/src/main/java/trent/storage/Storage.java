package trent.storage;

/**
 * A transactional store of Trent's records.
 *
 * <p>Guarantees every implementation gives:
 * <ul>
 *   <li>{@link #write} is atomic: either everything the work did is stored, or nothing is (the
 *       work threw, or the store failed). When it returns normally the change is durable: it
 *       survives the process being killed at any later moment. An implementation may commit the
 *       work of several concurrent callers together (group commit); each caller still sees only
 *       its own work succeed or fail.
 *   <li>{@link #read} sees a consistent snapshot that includes every write that returned before
 *       the read began. Work passed to {@code read} must not write.
 *   <li>Failures of the store itself are {@link StorageException}s, never an empty answer.
 * </ul>
 * Work functions may run on another thread than the caller's and must not block on other
 * storage calls.
 */
public interface Storage extends AutoCloseable {

  /** Runs read-only work against a consistent snapshot. */
  <T> T read(Work<T> work);

  /** Runs work in one atomic, durable transaction and returns its result once committed. */
  <T> T write(Work<T> work);

  /**
   * How this store tells other nodes about changes, when several nodes can share it. A store only
   * one process can use has none.
   */
  default java.util.Optional<ChangeFeed> changeFeed() {
    return java.util.Optional.empty();
  }

  /** Closes the store; calls after close fail with {@link StorageException}. */
  @Override
  void close();

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Transaction tx);
  }
}
