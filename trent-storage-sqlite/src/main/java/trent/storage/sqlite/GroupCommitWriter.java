package trent.storage.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.storage.StorageException;
import trent.storage.Storage.Work;

/**
 * The single writer of one database: one thread owning the one write connection, committing the
 * queued work of many callers together.
 *
 * <p>The thread takes everything queued (up to {@value #MAX_BATCH} units) and runs it in one
 * {@code BEGIN IMMEDIATE} transaction, each unit inside its own {@code SAVEPOINT}. A unit that
 * throws is rolled back to its savepoint alone and its caller gets the exception at once; the
 * others are released only after the {@code COMMIT}, and so after the fsync that makes their work
 * durable. One fsync thus acknowledges every caller of the batch, which is what lets many threads
 * write much faster than one.
 */
final class GroupCommitWriter {

  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_BATCH = 1024;
  private static final PendingWrite<Void> STOP = new PendingWrite<>(tx -> null);

  private final Connection connection;
  private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  /** Admission takes the read side, close the write side: nothing is queued after STOP. */
  private final ReadWriteLock admission = new ReentrantReadWriteLock();
  private boolean closed;

  GroupCommitWriter(Connection connection, String name) {
    this.connection = connection;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  boolean isWriterThread() {
    return Thread.currentThread() == thread;
  }

  /** Queues the work and returns its result once it committed; rethrows what the work threw. */
  <T> T submit(Work<T> work) {
    PendingWrite<T> pending = new PendingWrite<>(work);
    admission.readLock().lock();
    try {
      if (closed) {
        throw new StorageException("the store is closed");
      }
      queue.add(pending);
    } finally {
      admission.readLock().unlock();
    }
    return pending.await();
  }

  /** Stops taking work, waits until everything queued has been committed, closes the connection. */
  void close() {
    admission.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        queue.add(STOP);
      }
    } finally {
      admission.writeLock().unlock();
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    List<PendingWrite<?>> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      batch.clear();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only STOP ends the loop, so that no queued caller is left waiting
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stopping = batch.remove(STOP);
      if (!batch.isEmpty()) {
        try {
          commit(batch);
        } catch (RuntimeException | Error e) {
          log.error("SQLite writer failed on a batch", e);
          StorageException failure = new StorageException("the write failed", e);
          batch.forEach(pending -> pending.failed(failure));
        }
      }
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("closing the SQLite write connection failed", e);
    }
  }

  private void commit(List<PendingWrite<?>> batch) {
    try {
      Jdbc.execute(connection, "BEGIN IMMEDIATE");
    } catch (SQLException e) {
      StorageException failure = Jdbc.translate(e, "starting a write transaction");
      batch.forEach(pending -> pending.failed(failure));
      return;
    }
    for (PendingWrite<?> pending : batch) {
      if (!runInSavepoint(pending)) {
        // The connection could not undo one unit alone; undo the whole batch.
        StorageException failure = new StorageException("the write failed: the store could not roll back a unit");
        rollbackQuietly();
        batch.forEach(p -> p.failed(failure));
        return;
      }
    }
    try {
      Jdbc.execute(connection, "COMMIT");
    } catch (SQLException e) {
      StorageException failure = Jdbc.translate(e, "committing");
      rollbackQuietly();
      batch.forEach(pending -> pending.failed(failure));
      return;
    }
    batch.forEach(PendingWrite::committed);
  }

  /** Runs one unit; returns false when the transaction can no longer be trusted. */
  private boolean runInSavepoint(PendingWrite<?> pending) {
    SqliteTransaction tx = new SqliteTransaction(connection);
    try {
      Jdbc.execute(connection, "SAVEPOINT unit");
    } catch (SQLException e) {
      pending.failed(Jdbc.translate(e, "starting a unit of work"));
      return false;
    }
    try {
      pending.run(tx);
    } catch (Throwable t) {
      tx.end();
      pending.failed(t);
      try {
        Jdbc.execute(connection, "ROLLBACK TO unit");
        Jdbc.execute(connection, "RELEASE unit");
        return true;
      } catch (SQLException e) {
        log.error("rolling back a failed unit of work failed", e);
        return false;
      }
    }
    tx.end();
    try {
      Jdbc.execute(connection, "RELEASE unit");
      return true;
    } catch (SQLException e) {
      pending.failed(Jdbc.translate(e, "ending a unit of work"));
      return false;
    }
  }

  private void rollbackQuietly() {
    try {
      Jdbc.execute(connection, "ROLLBACK");
    } catch (SQLException e) {
      // A failed COMMIT may already have ended the transaction; then there is nothing to undo.
      log.debug("rollback after a failed write", e);
    }
  }
}
