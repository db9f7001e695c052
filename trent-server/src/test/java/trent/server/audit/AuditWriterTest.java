package trent.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.domain.audit.AuditEvent;
import trent.domain.audit.UserIdentity;

/** The queue between request threads and the audit target: full-queue policies, shutdown, rotation. */
class AuditWriterTest {

  static AuditEvent event(int n) {
    return new AuditEvent("event-" + n, Instant.parse("2026-11-23T12:00:00Z"), "Encrypt",
        UserIdentity.of("arn:aws:iam::111122223333:root", "111122223333", "AKID"), "us-east-1", "127.0.0.1",
        "test", null, null, "req-" + n, true, List.of(), "111122223333", null, null);
  }

  /** A sink that holds its first write until released, so the queue behind it can be filled. */
  static final class HeldSink implements AuditSink {
    final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> lines = new CopyOnWriteArrayList<>();
    volatile boolean flushed;
    volatile boolean closed;

    @Override
    public void write(String line) throws IOException {
      firstWriteStarted.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      lines.add(line);
      flushed = false;
    }

    @Override
    public void flush() {
      flushed = true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void aFullQueueDropsAndCountsWhenSoConfigured() throws Exception {
    HeldSink sink = new HeldSink();
    AuditWriter writer = new AuditWriter(sink, 2, true);
    writer.submit(event(1));
    sink.firstWriteStarted.await(); // event 1 is out of the queue, held in the sink
    writer.submit(event(2));
    writer.submit(event(3));
    writer.submit(event(4)); // the queue holds 2 and 3: this one is dropped
    assertThat(writer.dropped()).isEqualTo(1);
    assertThat(writer.queued()).isEqualTo(2);
    sink.release.countDown();
    writer.close();
    assertThat(sink.lines).hasSize(3).noneMatch(l -> l.contains("req-4"));
    assertThat(writer.written()).isEqualTo(3);
  }

  @Test
  void aFullQueueMakesTheCallerWaitByDefault() throws Exception {
    HeldSink sink = new HeldSink();
    AuditWriter writer = new AuditWriter(sink, 1, false);
    writer.submit(event(1));
    sink.firstWriteStarted.await();
    writer.submit(event(2)); // fills the queue
    Thread caller = new Thread(() -> writer.submit(event(3)));
    caller.start();
    while (caller.getState() != Thread.State.WAITING) { // parked in put(): the queue is full
      Thread.onSpinWait();
    }
    assertThat(caller.isAlive()).isTrue();
    sink.release.countDown();
    caller.join();
    writer.close();
    assertThat(writer.dropped()).isZero();
    assertThat(sink.lines).hasSize(3);
    assertThat(sink.lines.get(2)).contains("\"requestID\":\"req-3\"");
  }

  @Test
  void closeWritesEverythingQueuedThenFlushesAndCloses(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.jsonl");
    AuditWriter writer = new AuditWriter(new RotatingFileSink(file, RotatingFileSink.DEFAULT_MAX_BYTES, 3), 10_000, false);
    for (int i = 1; i <= 5_000; i++) {
      writer.submit(event(i));
    }
    writer.close();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(5_000);
    assertThat(lines.get(4_999)).contains("\"requestID\":\"req-5000\"");
    writer.submit(event(5_001));
    assertThat(writer.dropped()).isEqualTo(1);
  }

  @Test
  void theFileRotatesBySizeAndKeepsTheNewestFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.jsonl");
    String line = new AuditJson().line(event(1));
    // Room for about 10 lines per file, 3 rotated files kept.
    AuditWriter writer = new AuditWriter(new RotatingFileSink(file, 10L * (line.length() + 1), 3), 1000, false);
    for (int i = 1; i <= 100; i++) {
      writer.submit(event(i));
    }
    writer.close();
    assertThat(Files.exists(dir.resolve("audit.jsonl.1"))).isTrue();
    assertThat(Files.exists(dir.resolve("audit.jsonl.3"))).isTrue();
    assertThat(Files.exists(dir.resolve("audit.jsonl.4"))).isFalse();
    assertThat(Files.readAllLines(file)).last().asString().contains("\"requestID\":\"req-100\"");
    for (String name : List.of("audit.jsonl", "audit.jsonl.1", "audit.jsonl.2", "audit.jsonl.3")) {
      assertThat(Files.readAllLines(dir.resolve(name))).hasSizeLessThanOrEqualTo(10)
          .allMatch(l -> l.startsWith("{\"eventVersion\"") && l.endsWith("}"));
    }
  }
}
