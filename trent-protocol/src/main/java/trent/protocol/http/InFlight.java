package trent.protocol.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts requests being answered, so shutdown can wait for them. */
final class InFlight {

  private final AtomicInteger count = new AtomicInteger();
  private final Object lock = new Object();

  void begin() {
    count.incrementAndGet();
  }

  void end() {
    if (count.decrementAndGet() == 0) {
      synchronized (lock) {
        lock.notifyAll();
      }
    }
  }

  void awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (count.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
