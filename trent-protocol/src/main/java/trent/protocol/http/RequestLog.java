package trent.protocol.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line per request, with its request id, written off the I/O threads.
 *
 * <p>The I/O thread only enqueues a small record; a writer thread formats lines and writes each
 * batch with one write and one flush, so a busy server pays for neither formatting nor a system
 * call per request, and a quiet one shows each line at once. When the queue is full, lines are
 * dropped and counted (the request itself never waits for its log line); the count is written as
 * its own line when there is room again. Lines never contain request or response bodies.
 */
public final class RequestLog implements AutoCloseable {

  /** Writes nothing; for servers run with the request log off. */
  public static final RequestLog OFF = new RequestLog();

  private record Line(long epochMillis, String requestId, String operation, int status, String errorCode, long micros) {}

  private static final int QUEUE = 65_536;

  private final BlockingQueue<Line> queue;
  private final OutputStream out;
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
    this.out = out;
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
    List<Line> batch = new ArrayList<>(1024);
    StringBuilder text = new StringBuilder(64 * 1024);
    while (!closed || !queue.isEmpty()) {
      try {
        Line first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 4095);
        for (Line line : batch) {
          format(text, line);
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          text.append(Instant.now()).append(" WARN  trent.request ").append(lost)
              .append(" request log lines dropped: the log could not keep up\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException e) {
        // Standard error is gone; there is nowhere left to say so.
      } finally {
        batch.clear();
        text.setLength(0);
      }
    }
  }

  private static void format(StringBuilder b, Line line) {
    b.append(Instant.ofEpochMilli(line.epochMillis())).append(" INFO  trent.request ")
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
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
