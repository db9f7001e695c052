package trent.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
import trent.domain.key.Imports;
import trent.domain.key.KeyCache;
import trent.domain.key.KeyChangeListener;
import trent.domain.key.ResourceAttributes;
import trent.domain.customkeystore.CustomKeyStores;
import trent.domain.customkeystore.ExternalKeys;
import trent.domain.customkeystore.XksProxy;
import trent.server.xks.HttpXksProxy;
import trent.server.xks.LazyXksProxy;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import trent.domain.key.KeyMaterials;
import trent.domain.key.Keys;
import trent.domain.grant.GrantCache;
import trent.domain.grant.Grants;
import trent.domain.key.KeyPolicies;
import trent.ops.Access;
import trent.domain.key.Rotations;
import trent.domain.tag.Tags;
import trent.domain.usage.KeyUsageTracker;
import trent.ops.KmsOperations;
import trent.protocol.Authenticator;
import trent.protocol.Dispatcher;
import trent.protocol.http.HttpServer;
import trent.protocol.http.Tls;
import trent.ops.Operation;
import trent.ops.OperationTable;
import trent.server.admin.AdminServer;
import trent.server.admin.Console;
import trent.protocol.http.Cors;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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
  /** How often the last use of keys is written (GetKeyLastUsage); uses in between stay in memory. */
  static final Duration USAGE_FLUSH_INTERVAL = Duration.ofSeconds(5);

  private final TrentConfig config;
  private final Storage storage;
  private final RootOfTrust root;
  private final Keyring keyring;
  private final KeyCache cache;
  private final Keys keys;
  private final Rotations rotations;
  private final Imports imports;
  private final KeyUsageTracker usage;
  private final ExecutorService blocking;
  private final ScheduledExecutorService background;
  private final HttpServer http;
  private final Observability observability;
  private final AdminServer admin;
  private final Runnable seeding;

  private TrentServer(TrentConfig config, Storage storage, RootOfTrust root, Keyring keyring, KeyCache cache, Keys keys,
      Rotations rotations, Imports imports, KeyUsageTracker usage, ExecutorService blocking, ScheduledExecutorService background,
      HttpServer http, Observability observability, AdminServer admin, Runnable seeding) {
    this.seeding = seeding;
    this.observability = observability;
    this.admin = admin;
    this.config = config;
    this.storage = storage;
    this.root = root;
    this.keyring = keyring;
    this.cache = cache;
    this.keys = keys;
    this.rotations = rotations;
    this.imports = imports;
    this.usage = usage;
    this.blocking = blocking;
    this.background = background;
    this.http = http;
  }

  /**
   * Loads and initialises, on the calling thread, what every start needs whatever its settings:
   * the SQLite driver and its native library, Netty and its native transport, Jackson. Optional:
   * {@link #start} does all of it when needed. {@code trent serve} calls it on a second thread
   * while it reads its command line and configuration, so that the two overlap. Never throws.
   */
  public static void preload() {
    try {
      SqliteStorage.preload();
      HttpServer.preload();
      new JsonCodec();
    } catch (RuntimeException | LinkageError e) {
      // start meets the same problem and reports it
    }
  }

  /**
   * Settings for a server in service rather than under test, to call before anything uses Netty
   * (before {@link #preload} and {@link #start}): Netty's buffer allocator sends no JFR events (see
   * {@link HttpServer#jfrEventsOffUnlessAsked}) and stops sampling buffers for leak reports (see
   * {@link HttpServer#leakDetectionOffUnlessAsked}).
   */
  public static void inService() {
    HttpServer.jfrEventsOffUnlessAsked();
    HttpServer.leakDetectionOffUnlessAsked();
  }

  /** Opens the data dir (creating it on first start) and starts listening. */
  public static TrentServer start(TrentConfig config) {
    // The API model needs nothing of the store: read on a thread of its own while the store and
    // the keyring open, which makes a start shorter when a core is free.
    CompletableFuture<ModelValidator> validator = CompletableFuture.supplyAsync(ModelValidator::loadDefault, task -> {
      Thread modelLoader = new Thread(task, "trent-model-loader");
      modelLoader.setDaemon(true);
      modelLoader.start();
    });
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
      warnOfRootRotation(storage, keyring);
      KeyMaterials materials = new KeyMaterials(keyring, random);
      background = Executors.newScheduledThreadPool(2, named("trent-background"));
      KeyCache cache = new KeyCache(storage, materials, config.cacheRefresh(), config.cacheRefresh().multipliedBy(12),
          100_000, background);
      GrantCache grantCache = new GrantCache(storage, config.cacheRefresh(), config.cacheRefresh().multipliedBy(12),
          100_000, background);
      ResourceAttributes attributes = new ResourceAttributes(storage, config.cacheRefresh(),
          config.cacheRefresh().multipliedBy(12), 100_000, background);
      KeyChangeListener local = KeyChangeListener.all(cache, grantCache, attributes);
      KeyChangeListener changes = storage.changeFeed()
          .<KeyChangeListener>map(feed -> ClusterNotices.connect(feed, local, () -> reloadKeyring(keyring)))
          .orElse(local);
      Keys keys = new Keys(storage, materials, config.clock(), changes);
      Aliases aliases = new Aliases(storage, config.clock(), changes);
      Rotations rotations = new Rotations(storage, materials, config.clock(), changes);
      Imports imports = new Imports(storage, materials, config.clock(), random, changes);
      KeyUsageTracker usage = new KeyUsageTracker(storage, config.clock());
      usage.start();
      CustomKeyStores stores = new CustomKeyStores(storage, keyring, xksProxy(config), config.clock(), random);
      Envelopes envelopes = new Envelopes(cache, random, usage, new ExternalKeys(stores));
      Grants grants = new Grants(storage, grantCache, config.clock(), random, changes);
      Access access = new Access(grants, new KeyPolicies(10_000), attributes, config.clock());
      Runnable seeding = () -> config.seed().ifPresent(seed -> {
        int created = seed.applyTo(keys, aliases, grants, config.developmentAccount());
        LOG.info("seed {}: {} key(s) created, {} present already", seed.source(), created, seed.size() - created);
      });
      // Before the listener opens: a client never sees a half-seeded server.
      seeding.run();
      Authenticator authenticator = config.developmentMode()
          ? Authenticator.developmentMode(config.developmentAccount(), config.clock())
          : Authenticator.withIdentities(config.identities(), config.clock());
      blocking = Executors.newFixedThreadPool(64, named("trent-blocking"));
      // Admin listener, metrics, audit and TLS (issue 9): see Observability.
      Tls tls = config.tlsCertificate() == null ? null : Tls.fromPem(config.tlsCertificate(), config.tlsPrivateKey());
      JsonCodec codec = new JsonCodec();
      OperationTable table = KmsOperations.table(keys, aliases, envelopes, access, new Tags(storage, changes), rotations,
          usage, stores, imports);
      observability = Observability.start(config,
          table.all().stream().map(Operation::name).collect(Collectors.toList()), cache, codec.mapper());
      Dispatcher dispatcher = new Dispatcher(table, await(validator), authenticator, codec, blocking,
          observability.observer());
      long interval = config.deletionInterval().toMillis();
      background.scheduleWithFixedDelay(() -> deleteDueKeys(keys), interval, interval, TimeUnit.MILLISECONDS);
      background.scheduleWithFixedDelay(() -> rotateDueKeys(rotations), interval, interval, TimeUnit.MILLISECONDS);
      // A root rotation adds a keyring term; Postgres nodes also hear of it at once (ClusterNotices).
      long refresh = config.cacheRefresh().toMillis();
      background.scheduleWithFixedDelay(() -> reloadKeyring(keyring), refresh, refresh, TimeUnit.MILLISECONDS);
      background.scheduleWithFixedDelay(() -> expireImportedMaterial(imports), interval, interval,
          TimeUnit.MILLISECONDS);
      long flush = USAGE_FLUSH_INTERVAL.toMillis();
      background.scheduleWithFixedDelay(() -> flushUsage(usage), flush, flush, TimeUnit.MILLISECONDS);
      // The console's origin is known once the admin listener is bound, after the main one.
      AtomicReference<Set<String>> consoleOrigins = new AtomicReference<>(Set.of());
      http = HttpServer.start(config.host(), config.port(), dispatcher, config.maxBodyBytes(),
          config.idleTimeout(), config.requestTimeout(), config.ioThreads(), tls, config.requestLog(),
          Cors.allowing(consoleOrigins::get), config.transport());
      HttpServer main = http;
      Console console = new Console(() -> new Console.Settings(main.port(), tls != null, config.developmentMode(),
          config.developmentAccount()), authenticator, observability.recentEvents());
      io.micrometer.core.instrument.Gauge.builder("trent.keyring.active.term", keyring, k -> k.activeTerm())
          .description("the keyring term new key material is wrapped under (a root rotation adds one)")
          .register(observability.registry());
      Observability metrics = observability;
      AdminServer admin = AdminServer.start(config.host(), config.adminPort(), observability.registry(),
          new Health(storage, keyring::isOpen), console, metrics::awaitJvmMetrics);
      consoleOrigins.set(ConsoleOrigins.of(config.host(), admin.port(), config.consoleOrigin()));
      if (config.developmentMode() && config.insecureDevMode()) {
        LOG.warn("DEVELOPMENT MODE ON A NON-LOOPBACK ADDRESS ({}): requests are NOT authenticated;"
            + " anyone who can reach this port can use every key.", config.host());
      }
      return new TrentServer(config, storage, root, keyring, cache, keys, rotations, imports, usage, blocking,
          background, http, observability, admin, seeding);
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

  /** The value of a start-up task, or what it threw. */
  private static <T> T await(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  static Storage openStorage(TrentConfig config) {
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

  static RootOfTrust openRoot(TrentConfig config, SecureRandom random) {
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

  /**
   * The client of external key store proxies, trusting the configured certificates (read now, so
   * that a wrong file stops the start) or the JDK's (read at the first call: most servers never
   * make one, and reading them is a noticeable part of a start).
   */
  static XksProxy xksProxy(TrentConfig config) {
    if (config.xksProxyTrustedCertificates() == null) {
      return new LazyXksProxy(() -> httpXksProxy(config));
    }
    return httpXksProxy(config);
  }

  private static XksProxy httpXksProxy(TrentConfig config) {
    try {
      SSLContext ssl;
      if (config.xksProxyTrustedCertificates() == null) {
        ssl = SSLContext.getDefault();
      } else {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(config.xksProxyTrustedCertificates())) {
          int n = 0;
          for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            trusted.setCertificateEntry("xks-" + n++, c);
          }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
      }
      return new HttpXksProxy(ssl, config.xksProxyTimeout(), config.xksProxyRoutes(), config.clock());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the external key store proxies' trusted certificates "
          + config.xksProxyTrustedCertificates() + ": " + e.getMessage(), e);
    }
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

  private static void reloadKeyring(Keyring keyring) {
    try {
      int added = keyring.reload();
      if (added > 0) {
        LOG.info("keyring: loaded {} new term(s) (root rotation); new key material is wrapped under term {}", added,
            keyring.activeTerm());
      }
    } catch (RuntimeException e) {
      LOG.warn("reloading the keyring's terms failed; will retry", e);
    }
  }

  private static void warnOfRootRotation(Storage storage, Keyring keyring) {
    storage.read(tx -> tx.keyring().rootRotation()).ifPresent(r -> {
      if (r.fromRootId().equals(keyring.rootId())) {
        LOG.warn("a root rotation from root of trust {} (this server's) to {} is in progress: once it is finished,"
            + " this server starts only with the new root of trust; switch its configuration to it", r.fromRootId(),
            r.toRootId());
      } else {
        LOG.info("a root rotation from root of trust {} to {} (this server's) is in progress", r.fromRootId(),
            r.toRootId());
      }
    });
  }

  private static void rotateDueKeys(Rotations rotations) {
    try {
      int rotated = rotations.rotateDue();
      if (rotated > 0) {
        LOG.info("rotated {} key(s) whose automatic rotation was due", rotated);
      }
    } catch (RuntimeException e) {
      LOG.error("rotating keys whose automatic rotation was due failed; will retry", e);
    }
  }

  private static void expireImportedMaterial(Imports imports) {
    try {
      int expired = imports.expireDue();
      if (expired > 0) {
        LOG.info("deleted {} imported key material(s) whose ValidTo passed", expired);
      }
    } catch (RuntimeException e) {
      LOG.error("deleting expired imported key material failed; will retry", e);
    }
  }

  private static void flushUsage(KeyUsageTracker usage) {
    try {
      usage.flush();
    } catch (RuntimeException e) {
      LOG.error("writing the last use of keys failed; kept in memory, will retry", e);
    }
  }

  /** The keyring term new key material is wrapped under (a root rotation adds a term). */
  public int keyringActiveTerm() {
    return keyring.activeTerm();
  }

  /** Rotates, now, the keys whose automatic rotation is due by the server's clock. For tests and tools. */
  public int rotateDueKeysNow() {
    return rotations.rotateDue();
  }

  /** Deletes, now, the imported key material whose ValidTo has passed by the server's clock. For tests and tools. */
  public int expireImportedMaterialNow() {
    return imports.expireDue();
  }

  /** Writes, now, the key uses recorded in memory (GetKeyLastUsage). For tests and tools. */
  public int flushKeyUsageNow() {
    return usage.flush();
  }

  /** Deletes, now, the keys whose deletion date has passed by the server's clock. For tests and tools. */
  public int deleteDueKeysNow() {
    return keys.deleteDue();
  }

  /**
   * Empties an in-memory server: every key, alias and tag is forgotten, as if it had just started
   * (its root of trust and endpoint stay), and the seed file, if any, is applied again. For test
   * frameworks; refused for a server on disk.
   */
  public void reset() {
    if (!(storage instanceof InMemoryStorage memory)) {
      throw new IllegalStateException("only an in-memory server can be reset");
    }
    memory.clear();
    cache.invalidateAll();
    seeding.run();
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

  /** The web console's page on the admin listener: {@code http://HOST:ADMIN_PORT/console/}. */
  public URI consoleUrl() {
    return adminEndpoint().resolve("/console/");
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
    flushUsage(usage);
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
