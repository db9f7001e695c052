package trent.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trent.domain.Scope;
import trent.storage.ContractRecords;
import trent.storage.KeyUsageRecord;
import trent.storage.Storage;
import trent.storage.memory.InMemoryStorage;

/** Uses recorded on several threads: the latest of each key is what is flushed and reported. */
class KeyUsageTrackerTest {

  private static final String ACCOUNT = "111122223333";
  private static final String REGION = "us-east-1";
  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  /** A clock each thread can set before it records a use. */
  private static final class SetClock extends Clock {
    private final ThreadLocal<Long> millis = ThreadLocal.withInitial(() -> 0L);

    void set(long offsetMillis) {
      millis.set(offsetMillis);
    }

    @Override
    public Instant instant() {
      return BASE.plusMillis(millis.get());
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final InMemoryStorage memory = new InMemoryStorage();
  private final AtomicBoolean failWrites = new AtomicBoolean();
  private final SetClock clock = new SetClock();
  private String keyA;
  private String keyB;
  private KeyUsageTracker tracker;

  @BeforeEach
  void setUp() {
    keyA = ContractRecords.newKeyId();
    keyB = ContractRecords.newKeyId();
    memory.write(tx -> {
      tx.keys().insert(ContractRecords.key(keyA, ACCOUNT, REGION));
      tx.keys().insert(ContractRecords.key(keyB, ACCOUNT, REGION));
      return null;
    });
    Storage failing = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
        (proxy, method, args) -> {
          if (method.getName().equals("write") && failWrites.get()) {
            throw new IllegalStateException("storage down");
          }
          try {
            return method.invoke(memory, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    tracker = new KeyUsageTracker(failing, clock);
    tracker.start();
  }

  /** Four threads use key A at interleaved times, one uses key B; returns when all are done. */
  private void useFromFourThreads() throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      threads.add(new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < 100; i++) {
          // Thread 2's use at i = 99 is the latest of all: 99 * 4 + 2 ms.
          clock.set(i * 4L + thread);
          tracker.used(keyA, UsageOperation.Decrypt, "req-" + thread + "-" + i);
        }
        if (thread == 0) {
          clock.set(7);
          tracker.used(keyB, UsageOperation.Encrypt, "req-b");
        }
        if (thread == 3) {
          // Thread 3 ends with an earlier use than thread 2's last: order of calls is not order of time.
          clock.set(5);
          tracker.used(keyA, UsageOperation.GenerateDataKey, "req-early");
        }
      }));
    }
    threads.forEach(Thread::start);
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
  }

  private KeyUsageRecord stored(String keyId) {
    return memory.read(tx -> tx.keyUsage().find(keyId)).orElseThrow();
  }

  @Test
  void theLatestUseOfEachKeyAcrossThreadsIsFlushedOnce() throws Exception {
    useFromFourThreads();
    assertThat(tracker.flush()).isEqualTo(2);
    assertThat(stored(keyA)).isEqualTo(new KeyUsageRecord(keyA, "Decrypt", BASE.plusMillis(99 * 4 + 2), "req-2-99"));
    assertThat(stored(keyB)).isEqualTo(new KeyUsageRecord(keyB, "Encrypt", BASE.plusMillis(7), "req-b"));
    assertThat(tracker.flush()).isZero();
  }

  @Test
  void pendingUsesOfEveryThreadAreReportedBeforeAFlush() throws Exception {
    useFromFourThreads();
    KeyUsageTracker.LastUsage last = tracker.lastUsage(new Scope(ACCOUNT, REGION), keyA);
    assertThat(last.lastUse()).contains(
        new KeyUsageRecord(keyA, "Decrypt", BASE.plusMillis(99 * 4 + 2), "req-2-99"));
  }

  @Test
  void aFailedFlushKeepsTheUsesForTheNextOne() throws Exception {
    useFromFourThreads();
    failWrites.set(true);
    assertThatThrownBy(tracker::flush).hasMessageContaining("storage down");
    failWrites.set(false);
    assertThat(tracker.lastUsage(new Scope(ACCOUNT, REGION), keyA).lastUse().orElseThrow().requestId())
        .isEqualTo("req-2-99");
    assertThat(tracker.flush()).isEqualTo(2);
    assertThat(stored(keyA).requestId()).isEqualTo("req-2-99");
    assertThat(stored(keyB).requestId()).isEqualTo("req-b");
  }
}
