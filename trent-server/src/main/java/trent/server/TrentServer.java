package trent.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.crypto.ThreadLocalSecureRandom;
import trent.crypto.keyring.EphemeralRootOfTrust;
import trent.crypto.keyring.KeyFileRootOfTrust;
import trent.crypto.keyring.PassphraseRootOfTrust;
import trent.crypto.keyring.Keyring;
import trent.crypto.keyring.RootOfTrust;
import trent.domain.alias.Aliases;
import trent.domain.envelope.Envelopes;
import trent.domain.key.ClusterNotices;
import trent.domain.key.KeyCache;
import trent.domain.key.KeyChangeListener;
import trent.domain.key.KeyMaterials;
import trent.domain.key.Keys;
import trent.domain.grant.GrantCache;
import trent.domain.grant.Grants;
import trent.domain.key.KeyPolicies;
import trent.ops.Access;
import trent.ops.KmsOperations;
import trent.protocol.Authenticator;
import trent.protocol.Dispatcher;
import trent.protocol.http.HttpServer;
import trent.protocol.http.Tls;
import trent.ops.Operation;
import trent.ops.OperationTable;
import trent.server.admin.AdminServer;
import trent.server.admin.Health;
import java.util.stream.Collectors;
import trent.protocol.json.JsonCodec;
import trent.protocol.model.ModelValidator;
import trent.rot.pkcs11.Pkcs11Config;
import trent.rot.pkcs11.Pkcs11RootOfTrust;
import trent.storage.Storage;
import trent.storage.postgres.PostgresStorage;
import trent.storage.memory.InMemoryStorage;
import trent.storage.sqlite.SqliteStorage;

/**
 * One running Trent: storage, root of trust, keyring, domain, operations and the HTTP listener.
 * Everything is built per instance, so several servers can run in one JVM.
 *
 * <p>{@link #close()} stops accepting requests, lets those in flight finish, stops background
 * tasks and closes the store, in that order.
 */
public final class TrentServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TrentServer.class);

  static final String DATABASE_FILE = "trent.db";
  static final String ROOT_KEY_FILE = "root.key";
  static final String PASSPHRASE_FILE = "root.pass";

  private final TrentConfig config;
  private final Storage storage;
  private final RootOfTrust root;
  private final Keyring keyring;
  private final KeyCache cache;
  private final Keys keys;
  private final ExecutorService blocking;
  private final ScheduledExecutorService background;
  private final HttpServer http;
  private final Observability observability;
  private final AdminServer admin;

  private TrentServer(TrentConfig config, Storage storage, RootOfTrust root, Keyring keyring, KeyCache cache, Keys keys,
      ExecutorService blocking, ScheduledExecutorService background, HttpServer http,
      Observability observability, AdminServer admin) {
    this.observability = observability;
    this.admin = admin;
    this.config = config;
    this.storage = storage;
    this.root = root;
    this.keyring = keyring;
    this.cache = cache;
    this.keys = keys;
    this.blocking = blocking;
    this.background = background;
    this.http = http;
  }

  /** Opens the data dir (creating it on first start) and starts listening. */
  public static TrentServer start(TrentConfig config) {
    SecureRandom random = ThreadLocalSecureRandom.create();
    Storage storage = openStorage(config);
    RootOfTrust root = null;
    ExecutorService blocking = null;
    ScheduledExecutorService background = null;
    Observability observability = null;
    HttpServer http = null;
    try {
      root = openRoot(config, random);
      Keyring keyring = Keyring.openOrCreate(root, storage, config.clock(), random);
      KeyMaterials materials = new KeyMaterials(keyring, random);
      background = Executors.newScheduledThreadPool(2, named("trent-background"));
      KeyCache cache = new KeyCache(storage, materials, config.cacheRefresh(), config.cacheRefresh().multipliedBy(12),
          100_000, background);
      GrantCache grantCache = new GrantCache(storage, config.cacheRefresh(), config.cacheRefresh().multipliedBy(12),
          100_000, background);
      KeyChangeListener local = KeyChangeListener.all(cache, grantCache);
      KeyChangeListener changes = storage.changeFeed()
          .<KeyChangeListener>map(feed -> ClusterNotices.connect(feed, local))
          .orElse(local);
      Keys keys = new Keys(storage, materials, config.clock(), changes);
      Aliases aliases = new Aliases(storage, config.clock(), changes);
      Envelopes envelopes = new Envelopes(cache, random);
      Access access = new Access(new Grants(storage, grantCache, config.clock(), random, changes),
          new KeyPolicies(10_000), config.clock());
      Authenticator authenticator = config.developmentMode()
          ? Authenticator.developmentMode(config.developmentAccount(), config.clock())
          : Authenticator.withIdentities(config.identities(), config.clock());
      blocking = Executors.newFixedThreadPool(64, named("trent-blocking"));
      // Admin listener, metrics, audit and TLS (issue 9): see Observability.
      Tls tls = config.tlsCertificate() == null ? null : Tls.fromPem(config.tlsCertificate(), config.tlsPrivateKey());
      JsonCodec codec = new JsonCodec();
      OperationTable table = KmsOperations.table(keys, aliases, envelopes, access);
      observability = Observability.start(config,
          table.all().stream().map(Operation::name).collect(Collectors.toList()), cache, codec.mapper());
      Dispatcher dispatcher = new Dispatcher(table, ModelValidator.loadDefault(), authenticator, codec, blocking,
          observability.observer());
      long interval = config.deletionInterval().toMillis();
      background.scheduleWithFixedDelay(() -> deleteDueKeys(keys), interval, interval, TimeUnit.MILLISECONDS);
      http = HttpServer.start(config.host(), config.port(), dispatcher, config.maxBodyBytes(),
          config.idleTimeout(), config.requestTimeout(), config.ioThreads(), tls, config.requestLog());
      AdminServer admin = AdminServer.start(config.host(), config.adminPort(), observability.registry(),
          new Health(storage, keyring::isOpen));
      if (config.developmentMode() && config.insecureDevMode()) {
        LOG.warn("DEVELOPMENT MODE ON A NON-LOOPBACK ADDRESS ({}): requests are NOT authenticated;"
            + " anyone who can reach this port can use every key.", config.host());
      }
      return new TrentServer(config, storage, root, keyring, cache, keys, blocking, background, http, observability, admin);
    } catch (RuntimeException | InterruptedException e) {
      if (http != null) {
        http.close(Duration.ZERO);
      }
      if (observability != null) {
        observability.close();
      }
      if (background != null) {
        background.shutdownNow();
      }
      if (blocking != null) {
        blocking.shutdownNow();
      }
      if (root != null) {
        root.close();
      }
      storage.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting", e);
      }
      throw (RuntimeException) e;
    }
  }

  private static Storage openStorage(TrentConfig config) {
    StorageSettings settings = config.storage();
    if (settings instanceof StorageSettings.Memory) {
      return new InMemoryStorage();
    }
    if (settings instanceof StorageSettings.Postgres pg) {
      return PostgresStorage.open(pg.url(), pg.user(), pg.password(), pg.poolSize());
    }
    Path file = ((StorageSettings.Sqlite) settings).file();
    return SqliteStorage.open(file != null ? file : dataDir(config).resolve(DATABASE_FILE));
  }

  private static RootOfTrust openRoot(TrentConfig config, SecureRandom random) {
    RootSettings settings = config.rootOfTrust();
    if (settings instanceof RootSettings.Ephemeral) {
      return EphemeralRootOfTrust.create(random);
    }
    if (settings instanceof RootSettings.Passphrase p) {
      Path file = p.parametersFile() != null ? p.parametersFile() : dataDir(config).resolve(PASSPHRASE_FILE);
      return PassphraseRootOfTrust.openOrCreate(file, p.passphrase().get(), random);
    }
    if (settings instanceof RootSettings.Pkcs11 p) {
      char[] pin = p.pin().get();
      try {
        return Pkcs11RootOfTrust.openOrCreate(Pkcs11Config.builder().library(p.library()).tokenLabel(p.tokenLabel())
            .pin(pin).keyLabel(p.keyLabel()).allowKeyCreation(p.allowKeyCreation()).build(), random);
      } finally {
        java.util.Arrays.fill(pin, '\0');
      }
    }
    Path file = ((RootSettings.KeyFile) settings).file();
    return KeyFileRootOfTrust.openOrCreate(file != null ? file : dataDir(config).resolve(ROOT_KEY_FILE), random);
  }

  private static Path dataDir(TrentConfig config) {
    try {
      return Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data dir " + config.dataDir(), e);
    }
  }

  private static void deleteDueKeys(Keys keys) {
    try {
      int deleted = keys.deleteDue();
      if (deleted > 0) {
        LOG.info("deleted {} key(s) whose waiting period ended", deleted);
      }
    } catch (RuntimeException e) {
      LOG.error("deleting keys whose waiting period ended failed; will retry", e);
    }
  }

  /** Deletes, now, the keys whose deletion date has passed by the server's clock. For tests and tools. */
  public int deleteDueKeysNow() {
    return keys.deleteDue();
  }

  /**
   * Empties an in-memory server: every key, alias and tag is forgotten, as if it had just started
   * (its root of trust and endpoint stay). For test frameworks; refused for a server on disk.
   */
  public void reset() {
    if (!(storage instanceof InMemoryStorage memory)) {
      throw new IllegalStateException("only an in-memory server can be reset");
    }
    memory.clear();
    cache.invalidateAll();
  }

  /** The KMS API's endpoint: {@code https://} when TLS is configured. */
  public URI endpoint() {
    String scheme = config.tlsCertificate() == null ? "http" : "https";
    return URI.create(scheme + "://" + hostForUri(config.host()) + ":" + http.port());
  }

  /** The admin listener: {@code /metrics}, {@code /health/live}, {@code /health/ready}. Plain HTTP. */
  public URI adminEndpoint() {
    return URI.create("http://" + hostForUri(config.host()) + ":" + admin.port());
  }

  public int port() {
    return http.port();
  }

  public TrentConfig config() {
    return config;
  }

  private static String hostForUri(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  @Override
  public void close() {
    http.close(Duration.ofSeconds(10));
    admin.close();
    background.shutdownNow();
    blocking.shutdown();
    try {
      blocking.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Requests have finished: write the audit events still queued.
    observability.close();
    keyring.close();
    root.close();
    storage.close();
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
