package trent.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import trent.protocol.Identity;

/**
 * One server's settings, immutable. Built by {@link Builder}, which rejects each bad or
 * conflicting setting with a message naming it.
 */
public final class TrentConfig {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 4599;
  public static final String DEFAULT_DEVELOPMENT_ACCOUNT = "111122223333";
  static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

  private final String host;
  private final int port;
  private final Path dataDir;
  private final List<Identity> identities;
  private final String developmentAccount;
  private final boolean insecureDevMode;
  private final int maxBodyBytes;
  private final Duration idleTimeout;
  private final Duration deletionInterval;
  private final Duration cacheRefresh;
  private final boolean inMemory;
  private final int ioThreads;
  private final Clock clock;

  private TrentConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.dataDir = b.dataDir;
    this.identities = List.copyOf(b.identities);
    this.developmentAccount = b.developmentAccount;
    this.insecureDevMode = b.insecureDevMode;
    this.maxBodyBytes = b.maxBodyBytes;
    this.idleTimeout = b.idleTimeout;
    this.deletionInterval = b.deletionInterval;
    this.cacheRefresh = b.cacheRefresh;
    this.inMemory = b.inMemory;
    this.ioThreads = b.ioThreads;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public List<Identity> identities() {
    return identities;
  }

  public boolean developmentMode() {
    return identities.isEmpty();
  }

  public String developmentAccount() {
    return developmentAccount;
  }

  public boolean insecureDevMode() {
    return insecureDevMode;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  public Duration deletionInterval() {
    return deletionInterval;
  }

  public int ioThreads() {
    return ioThreads;
  }

  /**
   * How old a cached key or alias may grow before it is reloaded in the background: the bound on
   * how long a change made through another node sharing the database may go unseen here.
   */
  public Duration cacheRefresh() {
    return cacheRefresh;
  }

  /** Whether keys are kept only in memory, under an ephemeral root: nothing is written to disk. */
  public boolean inMemory() {
    return inMemory;
  }

  public Clock clock() {
    return clock;
  }

  /** Whether {@code host} names only loopback addresses. */
  static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Path dataDir = Path.of(".trent-data");
    private List<Identity> identities = List.of();
    private String developmentAccount = DEFAULT_DEVELOPMENT_ACCOUNT;
    private boolean insecureDevMode;
    private int maxBodyBytes = 1024 * 1024;
    private Duration idleTimeout = Duration.ofSeconds(120);
    private Duration deletionInterval = Duration.ofSeconds(60);
    private Duration cacheRefresh = Duration.ofSeconds(5);
    private boolean inMemory;
    private int ioThreads = Runtime.getRuntime().availableProcessors();
    private Clock clock = Clock.systemUTC();

    public Builder host(String host) {
      this.host = require(host, "host");
      return this;
    }

    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = require(dataDir, "data dir");
      return this;
    }

    /** The principals that may sign requests; none means development mode. */
    public Builder identities(List<Identity> identities) {
      long distinct = identities.stream().map(Identity::accessKeyId).distinct().count();
      if (distinct != identities.size()) {
        throw new IllegalArgumentException("identities: an accessKeyId appears twice");
      }
      for (Identity identity : identities) {
        if (!ACCOUNT.matcher(identity.account()).matches()) {
          throw new IllegalArgumentException("identities: account of " + identity.accessKeyId()
              + " must be 12 digits, was '" + identity.account() + "'");
        }
        if (!identity.arn().startsWith("arn:aws:iam::" + identity.account() + ":")) {
          throw new IllegalArgumentException("identities: arn of " + identity.accessKeyId()
              + " must be an IAM ARN of account " + identity.account() + " (arn:aws:iam::"
              + identity.account() + ":root, ...:user/NAME or ...:role/NAME), was '" + identity.arn() + "'");
        }
      }
      this.identities = List.copyOf(identities);
      return this;
    }

    public Builder developmentAccount(String account) {
      if (!ACCOUNT.matcher(require(account, "development account")).matches()) {
        throw new IllegalArgumentException("development account must be 12 digits, was '" + account + "'");
      }
      this.developmentAccount = account;
      return this;
    }

    public Builder insecureDevMode(boolean insecureDevMode) {
      this.insecureDevMode = insecureDevMode;
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 64 * 1024) {
        throw new IllegalArgumentException("max body size must be at least 64 KiB, was " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = require(idleTimeout, "idle timeout");
      return this;
    }

    public Builder deletionInterval(Duration interval) {
      this.deletionInterval = require(interval, "deletion interval");
      return this;
    }

    public Builder cacheRefresh(Duration refresh) {
      if (refresh.isNegative() || refresh.isZero()) {
        throw new IllegalArgumentException("cache refresh must be positive, was " + refresh);
      }
      this.cacheRefresh = refresh;
      return this;
    }

    /** Keep everything in memory (no data dir is used); everything is gone when the server stops. */
    public Builder inMemory(boolean inMemory) {
      this.inMemory = inMemory;
      return this;
    }

    public Builder ioThreads(int ioThreads) {
      if (ioThreads < 1) {
        throw new IllegalArgumentException("I/O threads must be at least 1, was " + ioThreads);
      }
      this.ioThreads = ioThreads;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = require(clock, "clock");
      return this;
    }

    /**
     * Checks the settings together. Development mode (no identities) accepts unsigned callers, so
     * it is allowed only on a loopback address unless explicitly forced.
     */
    public TrentConfig build() {
      if (identities.isEmpty() && !insecureDevMode && !isLoopback(host)) {
        throw new IllegalArgumentException("Refusing to start in development mode (no identities configured) on "
            + host + ", which is not a loopback address: any caller could use every key. Configure identities"
            + " in the config file, listen on 127.0.0.1, or pass --insecure-dev-mode to accept the risk.");
      }
      return new TrentConfig(this);
    }

    private static <T> T require(T value, String what) {
      return Objects.requireNonNull(value, what + " must not be null");
    }
  }
}
