package trent.storage.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.storage.ChangeFeed;

/**
 * Change notices between nodes through PostgreSQL's {@code LISTEN}/{@code NOTIFY}: a notice sent by
 * one node reaches every node listening on the same database, usually within milliseconds.
 *
 * <p>The listener holds one dedicated connection. When it breaks, the listener reconnects after a
 * short pause; notices sent in between are lost, which the cache expiry covers (see
 * {@link ChangeFeed}).
 */
final class PostgresChangeFeed implements ChangeFeed {

  static final String CHANNEL = "trent_changes";
  private static final Logger log = LoggerFactory.getLogger(PostgresChangeFeed.class);
  private static final int POLL_MILLIS = 500;

  private final DataSource pool;
  private final String jdbcUrl;
  private final Properties credentials;
  private volatile boolean closed;
  private Thread listener;

  PostgresChangeFeed(DataSource pool, String jdbcUrl, String user, String password) {
    this.pool = pool;
    this.jdbcUrl = jdbcUrl;
    this.credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    credentials.setProperty("ApplicationName", "trent-listener");
  }

  @Override
  public void publish(String change) {
    Objects.requireNonNull(change, "change");
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      c.setAutoCommit(true);
      s.setString(1, CHANNEL);
      s.setString(2, change);
      s.execute();
    } catch (SQLException e) {
      log.warn("could not publish a change notice; other nodes will see the change when their caches expire", e);
    }
  }

  @Override
  public synchronized void subscribe(Consumer<String> consumer) {
    if (listener != null) {
      throw new IllegalStateException("the change feed has a subscriber already");
    }
    listener = new Thread(() -> listen(consumer), "trent-change-feed");
    listener.setDaemon(true);
    listener.start();
  }

  private void listen(Consumer<String> consumer) {
    while (!closed) {
      try (Connection c = DriverManager.getConnection(jdbcUrl, credentials)) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notices = pg.getNotifications(POLL_MILLIS);
          if (notices != null) {
            for (PGNotification n : notices) {
              deliver(consumer, n.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (!closed) {
          log.warn("change feed connection lost; reconnecting", e);
          pause();
        }
      }
    }
  }

  private static void deliver(Consumer<String> consumer, String change) {
    try {
      consumer.accept(change);
    } catch (RuntimeException e) {
      log.error("a change notice could not be applied: {}", change, e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (listener != null) {
      try {
        listener.join(2 * POLL_MILLIS + 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
