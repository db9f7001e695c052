package trent.storage.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.storage.StorageException;

/**
 * A fixed number of query-only connections. WAL lets them read while the writer writes; each read
 * runs in its own transaction, so it sees one snapshot taken at its first query.
 */
final class ReaderPool {

  /** Opens one reader connection; throws StorageException. */
  interface Opener {
    Connection open();
  }

  private static final Logger log = LoggerFactory.getLogger(ReaderPool.class);
  private static final long CLOSE_WAIT_MILLIS = 30_000;

  private final Opener opener;
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();
  private volatile boolean closed;

  ReaderPool(int size, Opener opener) {
    this.opener = opener;
    this.idle = new ArrayBlockingQueue<>(size);
    try {
      for (int i = 0; i < size; i++) {
        Connection connection = opener.open();
        track(connection);
        idle.add(connection);
      }
    } catch (RuntimeException e) {
      closeAll();
      throw e;
    }
  }

  Connection acquire() {
    try {
      while (true) {
        if (closed) {
          throw new StorageException("the store is closed");
        }
        // A bounded poll, not take(): a caller waiting here must notice close().
        Connection connection = idle.poll(50, TimeUnit.MILLISECONDS);
        if (connection != null) {
          if (closed) {
            idle.add(connection);
            throw new StorageException("the store is closed");
          }
          return connection;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for a read connection", e);
    }
  }

  void release(Connection connection) {
    idle.add(connection);
  }

  /** Replaces a connection that can no longer be trusted (its transaction would not end). */
  void discard(Connection broken) {
    closeQuietly(broken);
    synchronized (all) {
      all.remove(broken);
    }
    if (closed) {
      return;
    }
    try {
      Connection fresh = opener.open();
      track(fresh);
      idle.add(fresh);
    } catch (StorageException e) {
      log.error("could not replace a broken SQLite read connection; the pool shrinks by one", e);
    }
  }

  /** Waits (bounded) for reads in progress to return their connections, then closes every one. */
  void close() {
    closed = true;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
    int expected;
    synchronized (all) {
      expected = all.size();
    }
    try {
      for (int returned = 0; returned < expected; returned++) {
        long left = deadline - System.nanoTime();
        Connection connection = idle.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
        if (connection == null) {
          log.warn("closing SQLite read connections while reads are still running");
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeAll();
  }

  private void track(Connection connection) {
    synchronized (all) {
      all.add(connection);
    }
  }

  private void closeAll() {
    synchronized (all) {
      all.forEach(ReaderPool::closeQuietly);
      all.clear();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("closing a SQLite read connection failed", e);
    }
  }
}
