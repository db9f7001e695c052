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
import trent.protocol.http.Transport;

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
  private final Duration requestTimeout;
  private final Duration deletionInterval;
  private final Duration cacheRefresh;
  private final boolean requestLog;
  private final StorageSettings storage;
  private final RootSettings root;
  private final Integer adminPort;
  private final String consoleOrigin;
  private final String auditTarget;
  private final int auditQueueSize;
  private final boolean auditDropWhenFull;
  private final Path tlsCertificate;
  private final Path tlsPrivateKey;
  private final int ioThreads;
  private final Transport transport;
  private final Clock clock;
  private final SeedFile seed;
  private final Path xksProxyTrustedCertificates;
  private final java.util.Map<String, java.net.URI> xksProxyRoutes;
  private final Duration xksProxyTimeout;

  private TrentConfig(Builder b) {
    this.xksProxyTrustedCertificates = b.xksProxyTrustedCertificates;
    this.xksProxyRoutes = java.util.Map.copyOf(b.xksProxyRoutes);
    this.xksProxyTimeout = b.xksProxyTimeout;
    this.host = b.host;
    this.port = b.port;
    this.dataDir = b.dataDir;
    this.identities = List.copyOf(b.identities);
    this.developmentAccount = b.developmentAccount;
    this.insecureDevMode = b.insecureDevMode;
    this.maxBodyBytes = b.maxBodyBytes;
    this.idleTimeout = b.idleTimeout;
    this.requestTimeout = b.requestTimeout;
    this.deletionInterval = b.deletionInterval;
    this.cacheRefresh = b.cacheRefresh;
    this.requestLog = b.requestLog;
    this.storage = b.storage;
    this.root = b.root;
    this.adminPort = b.adminPort;
    this.consoleOrigin = b.consoleOrigin;
    this.auditTarget = b.auditTarget;
    this.auditQueueSize = b.auditQueueSize;
    this.auditDropWhenFull = b.auditDropWhenFull;
    this.tlsCertificate = b.tlsCertificate;
    this.tlsPrivateKey = b.tlsPrivateKey;
    this.ioThreads = b.ioThreads;
    this.transport = b.transport;
    this.clock = b.clock;
    this.seed = b.seed;
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

  /**
   * How long a client may take to send one whole request, from its first byte; a slower client
   * is disconnected (the idle timeout does not catch a client that trickles a byte at a time).
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  public Duration deletionInterval() {
    return deletionInterval;
  }

  public int ioThreads() {
    return ioThreads;
  }

  /** The network I/O of the API listener ({@code transport:}); {@link Transport#AUTO} by default. */
  public Transport transport() {
    return transport;
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
    return storage instanceof StorageSettings.Memory;
  }

  /** Whether one line per request (request id, operation, status, time) goes to standard error. */
  public boolean requestLog() {
    return requestLog;
  }

  public StorageSettings storage() {
    return storage;
  }

  public RootSettings rootOfTrust() {
    return root;
  }

  /**
   * The admin listener's port ({@code /metrics}, {@code /health/*}); when not configured, the main
   * port + 1 (0 when the main port is 0, i.e. a free port).
   */
  public int adminPort() {
    if (adminPort != null) {
      return adminPort;
    }
    return port == 0 ? 0 : port + 1;
  }

  /**
   * The origin the web console is reached at (e.g. {@code https://kms-console.example.com}), when it
   * is not the admin listener's own address (behind a proxy, or listening on every address); null
   * when not configured. Only the console's origins may call the KMS API from a browser.
   */
  public String consoleOrigin() {
    return consoleOrigin;
  }

  /** Where audit events go: a file path, {@code -} for standard output, or null for nowhere. */
  public String auditTarget() {
    return auditTarget;
  }

  public int auditQueueSize() {
    return auditQueueSize;
  }

  /** Whether a full audit queue drops (and counts) events instead of making requests wait. */
  public boolean auditDropWhenFull() {
    return auditDropWhenFull;
  }

  /** The PEM certificate chain of the main listener, or null for plain HTTP. */
  public Path tlsCertificate() {
    return tlsCertificate;
  }

  /** The PEM private key of the main listener, or null for plain HTTP. */
  public Path tlsPrivateKey() {
    return tlsPrivateKey;
  }

  public Clock clock() {
    return clock;
  }

  /** The keys created at start (and after {@link TrentServer#reset()}), if a seed file was given. */
  public java.util.Optional<SeedFile> seed() {
    return java.util.Optional.ofNullable(seed);
  }

  /**
   * PEM certificates that external key store proxies' TLS certificates may chain to, instead of
   * the JDK's default trust store; null for the default.
   */
  public Path xksProxyTrustedCertificates() {
    return xksProxyTrustedCertificates;
  }

  /**
   * Where to connect for an external key store proxy endpoint, by the XksProxyUriEndpoint a store
   * names (e.g. {@code https://xks.example.com} to {@code https://127.0.0.1:8443}): the model allows
   * no port in the endpoint. Empty by default: every endpoint is reached as it is named.
   */
  public java.util.Map<String, java.net.URI> xksProxyRoutes() {
    return xksProxyRoutes;
  }

  /** How long one call to an external key store proxy may take (AWS KMS allows 250 ms). */
  public Duration xksProxyTimeout() {
    return xksProxyTimeout;
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
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration deletionInterval = Duration.ofSeconds(60);
    private Duration cacheRefresh = Duration.ofSeconds(5);
    private boolean requestLog;
    private StorageSettings storage = new StorageSettings.Sqlite(null);
    private RootSettings root = new RootSettings.KeyFile(null);
    private Integer adminPort;
    private String consoleOrigin;
    private String auditTarget;
    private int auditQueueSize = 65536;
    private boolean auditDropWhenFull;
    private Path tlsCertificate;
    private Path tlsPrivateKey;
    private int ioThreads = Runtime.getRuntime().availableProcessors();
    private Transport transport = Transport.AUTO;
    private Clock clock = Clock.systemUTC();
    private SeedFile seed;
    private Path xksProxyTrustedCertificates;
    private java.util.Map<String, java.net.URI> xksProxyRoutes = java.util.Map.of();
    private Duration xksProxyTimeout = Duration.ofSeconds(2);

    /** See {@link TrentConfig#xksProxyTrustedCertificates()}; null for the JDK's trust store. */
    public Builder xksProxyTrustedCertificates(Path pemFile) {
      this.xksProxyTrustedCertificates = pemFile;
      return this;
    }

    /** See {@link TrentConfig#xksProxyRoutes()}. */
    public Builder xksProxyRoutes(java.util.Map<String, java.net.URI> routes) {
      this.xksProxyRoutes = require(routes, "xksProxyRoutes");
      return this;
    }

    /** See {@link TrentConfig#xksProxyTimeout()}. */
    public Builder xksProxyTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the external key store proxy timeout must be positive, was " + timeout);
      }
      this.xksProxyTimeout = timeout;
      return this;
    }

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

    public Builder requestTimeout(Duration requestTimeout) {
      if (require(requestTimeout, "request timeout").isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("request timeout must be positive, was " + requestTimeout);
      }
      this.requestTimeout = requestTimeout;
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

    /**
     * Keep everything in memory under an ephemeral root (no data dir is used); everything is gone
     * when the server stops.
     */
    public Builder inMemory(boolean inMemory) {
      if (inMemory) {
        this.storage = new StorageSettings.Memory();
        this.root = new RootSettings.Ephemeral();
      }
      return this;
    }

    /** One line per request on standard error (off by default; {@code trent serve} turns it on). */
    public Builder requestLog(boolean requestLog) {
      this.requestLog = requestLog;
      return this;
    }

    public Builder storage(StorageSettings storage) {
      this.storage = require(storage, "storage");
      return this;
    }

    public Builder rootOfTrust(RootSettings root) {
      this.root = require(root, "rootOfTrust");
      return this;
    }

    /** See {@link TrentConfig#consoleOrigin()}: {@code scheme://host[:port]}, no path. */
    public Builder consoleOrigin(String consoleOrigin) {
      if (consoleOrigin != null && !consoleOrigin.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException("admin.consoleOrigin must be scheme://host[:port] without a path, was '"
            + consoleOrigin + "'");
      }
      this.consoleOrigin = consoleOrigin;
      return this;
    }

    public Builder adminPort(int adminPort) {
      if (adminPort < 0 || adminPort > 65535) {
        throw new IllegalArgumentException("admin.port must be between 0 and 65535, was " + adminPort);
      }
      this.adminPort = adminPort;
      return this;
    }

    /** A file path, or {@code -} for standard output. */
    public Builder audit(String target, int queueSize, boolean dropWhenFull) {
      if (target != null && target.isBlank()) {
        throw new IllegalArgumentException("audit.file must not be empty");
      }
      if (queueSize < 1) {
        throw new IllegalArgumentException("audit.queueSize must be at least 1, was " + queueSize);
      }
      this.auditTarget = target;
      this.auditQueueSize = queueSize;
      this.auditDropWhenFull = dropWhenFull;
      return this;
    }

    public Builder tls(Path certificate, Path privateKey) {
      if ((certificate == null) != (privateKey == null)) {
        throw new IllegalArgumentException("tls.certificate and tls.privateKey must be given together");
      }
      this.tlsCertificate = certificate;
      this.tlsPrivateKey = privateKey;
      return this;
    }

    public Builder ioThreads(int ioThreads) {
      if (ioThreads < 1) {
        throw new IllegalArgumentException("I/O threads must be at least 1, was " + ioThreads);
      }
      this.ioThreads = ioThreads;
      return this;
    }

    public Builder transport(Transport transport) {
      this.transport = require(transport, "transport");
      return this;
    }

    /** Keys to create at start, with fixed ids and material; null for none. */
    public Builder seed(SeedFile seed) {
      this.seed = seed;
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
      if (storage instanceof StorageSettings.Memory != root instanceof RootSettings.Ephemeral) {
        throw new IllegalArgumentException("an ephemeral root of trust goes only with in-memory storage, and back:"
            + " keys stored on disk under a root that vanishes could never be read again");
      }
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
