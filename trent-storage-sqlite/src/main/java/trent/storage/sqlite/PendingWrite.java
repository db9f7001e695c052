package trent.storage.sqlite;

import java.util.concurrent.CountDownLatch;
import trent.storage.Storage.Work;

/**
 * One caller's unit of work waiting in the write queue, and the outcome handed back to it. The
 * writer thread records the outcome; the caller's thread waits for it.
 */
final class PendingWrite<T> {

  final Work<T> work;
  private final CountDownLatch settled = new CountDownLatch(1);
  private T result;
  private Throwable failure;

  PendingWrite(Work<T> work) {
    this.work = work;
  }

  /** Runs the work; its result is held back until {@link #committed()}. */
  void run(SqliteTransaction tx) {
    result = work.run(tx);
  }

  boolean isSettled() {
    return settled.getCount() == 0;
  }

  /** The work's transaction committed: the caller may now return the result. */
  void committed() {
    settled.countDown();
  }

  /** Nothing of this work is stored; the caller gets {@code cause}. */
  void failed(Throwable cause) {
    if (!isSettled()) {
      failure = cause;
      result = null;
      settled.countDown();
    }
  }

  /**
   * Waits for the outcome. The wait cannot be interrupted: once the work is queued the caller must
   * learn whether it committed. An interrupt is kept and restored on return.
   */
  T await() {
    boolean interrupted = false;
    while (true) {
      try {
        settled.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw PendingWrite.<RuntimeException>sneaky(failure);
    }
    return result;
  }

  /** Rethrows the work's own exception unchanged, checked or not, as if it ran on the caller's thread. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
