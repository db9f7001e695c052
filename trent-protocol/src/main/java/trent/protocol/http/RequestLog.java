package trent.protocol.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One line per request, with its request id, written off the I/O threads.
 *
 * <p>The I/O thread only enqueues a small record and never wakes anyone: a writer thread looks at
 * the queue every {@value #CADENCE_MILLIS} ms, formats what it finds and writes it with one write
 * and one flush. A busy server therefore pays for neither formatting nor a system call nor a
 * thread wake-up per request (handing each line to a waiting writer cost a futex call per request
 * or two), and a quiet one shows each line within a few milliseconds. When the queue is full,
 * lines are dropped and counted (the request itself never waits for its log line); the count is
 * written as its own line when there is room again. Lines never contain request or response bodies.
 */
public final class RequestLog implements AutoCloseable {

  /** Writes nothing; for servers run with the request log off. */
  public static final RequestLog OFF = new RequestLog();

  private record Line(long epochMillis, String requestId, String operation, int status, String errorCode, long micros) {}

  /** Used by the writer thread only. */
  private final Timestamps times = new Timestamps();

  /**
   * Writes instants as {@link Instant#toString} does for whole milliseconds, formatting each
   * second once: the lines of a second share its text, and the formatter cost more than the
   * rest of a line. Not thread-safe.
   */
  static final class Timestamps {
    private long second = Long.MIN_VALUE;
    private String secondText;

    StringBuilder append(StringBuilder b, long epochMillis) {
      long s = Math.floorDiv(epochMillis, 1000L);
      int millis = (int) Math.floorMod(epochMillis, 1000L);
      if (s != second) {
        String whole = Instant.ofEpochSecond(s).toString();
        secondText = whole.substring(0, whole.length() - 1);
        second = s;
      }
      b.append(secondText);
      if (millis != 0) {
        b.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
            .append((char) ('0' + millis % 10));
      }
      return b.append('Z');
    }
  }

  private static final int QUEUE = 65_536;

  /** How often the writer looks for lines. */
  static final long CADENCE_MILLIS = 10;

  private final BlockingQueue<Line> queue;
  /** UTF-8 over the stream; used by the writer thread only. */
  private final Writer out;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;

  private RequestLog() {
    this.queue = null;
    this.out = null;
    this.writer = null;
  }

  private RequestLog(OutputStream out) {
    this.queue = new ArrayBlockingQueue<>(QUEUE);
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.writer = new Thread(this::drain, "trent-request-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** A log writing to {@code out} (usually standard error). */
  public static RequestLog to(PrintStream out) {
    return new RequestLog(out);
  }

  void record(String requestId, String operation, int status, String errorCode, long micros) {
    if (queue == null) {
      return;
    }
    if (!queue.offer(new Line(System.currentTimeMillis(), requestId, operation, status, errorCode, micros))) {
      dropped.incrementAndGet();
    }
  }

  private void drain() {
    List<Line> batch = new ArrayList<>(4096);
    StringBuilder text = new StringBuilder(64 * 1024);
    while (true) {
      // Read before draining: after close() the queue is drained once more, then the writer ends.
      boolean last = closed;
      queue.drainTo(batch, 4096);
      long lost = dropped.getAndSet(0);
      if (!batch.isEmpty() || lost > 0) {
        write(batch, lost, text);
      }
      if (last && queue.isEmpty()) {
        return;
      }
      if (batch.size() < 4096) {
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(CADENCE_MILLIS));
      }
      batch.clear();
    }
  }

  private void write(List<Line> batch, long lost, StringBuilder text) {
    try {
      for (Line line : batch) {
        format(text, line);
      }
      if (lost > 0) {
        text.append(Instant.now()).append(" WARN  trent.request ").append(lost)
            .append(" request log lines dropped: the log could not keep up\n");
      }
      // A CharBuffer over the batch: the writer encodes it through its own buffer, without a String copy.
      out.append(CharBuffer.wrap(text));
      out.flush();
    } catch (IOException e) {
      // Standard error is gone; there is nowhere left to say so.
    } finally {
      text.setLength(0);
    }
  }

  private void format(StringBuilder b, Line line) {
    times.append(b, line.epochMillis()).append(" INFO  trent.request ")
        .append(line.requestId()).append(' ')
        .append(line.operation() == null ? "-" : line.operation()).append(' ')
        .append(line.status());
    if (line.errorCode() != null) {
      b.append(' ').append(line.errorCode());
    }
    b.append(' ').append(line.micros()).append("us\n");
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    if (writer == null) {
      return;
    }
    closed = true;
    LockSupport.unpark(writer);
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
