package trent.server.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.domain.audit.AuditEvent;

/**
 * Writes audit events off the request threads: {@link #submit} puts the event in a bounded queue,
 * and one thread serialises queued events and writes them, flushing whenever the queue runs empty.
 *
 * <p>When the queue is full, {@link #submit} either waits for room (the default: no event is
 * lost, and requests slow down to the speed of the disk) or drops the event and counts it
 * ({@link #dropped()}). A line that cannot be written is counted as failed and logged; the writer
 * goes on. {@link #close()} stops taking events, writes every event already queued, flushes and
 * closes the target.
 */
public final class AuditWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
  private static final int BATCH = 512;

  private final BlockingQueue<AuditEvent> queue;
  private final boolean dropWhenFull;
  private final AuditSink sink;
  private final AuditJson json = new AuditJson();
  private final Thread thread;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private volatile boolean closed;

  AuditWriter(AuditSink sink, int queueSize, boolean dropWhenFull) {
    this.queue = new ArrayBlockingQueue<>(queueSize);
    this.dropWhenFull = dropWhenFull;
    this.sink = sink;
    this.thread = new Thread(this::drain, "trent-audit");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * A writer to {@code target}: {@code -} for standard output, otherwise a file appended to and
   * rotated at 100 MiB, keeping the 10 newest rotated files.
   */
  public static AuditWriter open(String target, int queueSize, boolean dropWhenFull) {
    AuditSink sink;
    if (target.equals("-")) {
      sink = new StreamSink(System.out);
    } else {
      try {
        sink = new RotatingFileSink(Path.of(target), RotatingFileSink.DEFAULT_MAX_BYTES, RotatingFileSink.DEFAULT_KEEP);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("audit.file: cannot open " + target + " for appending: " + e, e);
      }
    }
    return new AuditWriter(sink, queueSize, dropWhenFull);
  }

  /** Queues {@code event}; waits for room or drops it when the queue is full, as configured. */
  public void submit(AuditEvent event) {
    if (closed) {
      dropped.increment();
      return;
    }
    if (dropWhenFull) {
      if (!queue.offer(event)) {
        dropped.increment();
      }
      return;
    }
    try {
      queue.put(event);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dropped.increment();
    }
  }

  /** Events waiting to be written. */
  public int queued() {
    return queue.size();
  }

  /** Events dropped because the queue was full (or the writer closed). */
  public long dropped() {
    return dropped.sum();
  }

  /** Events written to the target. */
  public long written() {
    return written.sum();
  }

  /** Events that could not be written (serialisation or I/O failure). */
  public long failed() {
    return failed.sum();
  }

  private void drain() {
    List<AuditEvent> batch = new ArrayList<>(BATCH);
    while (true) {
      try {
        AuditEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closed && queue.isEmpty()) {
            return;
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        for (AuditEvent event : batch) {
          write(event);
        }
        batch.clear();
        if (queue.isEmpty()) {
          flush();
        }
      } catch (InterruptedException e) {
        // close() waits for the queue to empty; an interrupt means give up now.
        return;
      }
    }
  }

  private void write(AuditEvent event) {
    try {
      sink.write(json.line(event));
      written.increment();
    } catch (IOException | RuntimeException e) {
      failed.increment();
      LOG.error("audit: could not write the event of request {}", event.requestId(), e);
    }
  }

  private void flush() {
    try {
      sink.flush();
    } catch (IOException e) {
      LOG.error("audit: could not flush", e);
    }
  }

  /** Writes what is queued, flushes and closes the target; waits up to {@code timeout}. */
  public void close(Duration timeout) {
    closed = true;
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.error("audit: {} event(s) still queued after {}; closing anyway", queue.size(), timeout);
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      sink.flush();
      sink.close();
    } catch (IOException e) {
      LOG.error("audit: could not close", e);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }
}
