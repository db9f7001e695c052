package trent.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import trent.policy.PolicyDocument;
import trent.policy.PolicyDocumentException;
import trent.policy.PolicyType;
import trent.protocol.Identity;
import trent.protocol.http.Transport;

/**
 * The YAML configuration file ({@code --config}). Its shape is an interface other tools rely on:
 * <pre>
 * host: 127.0.0.1                      # main listener
 * port: 4599
 * dataDir: .trent-data                 # SQLite file and key file live here by default
 * developmentAccount: "111122223333"   # development mode only
 * identities:                          # none: development mode
 *   - accessKeyId: AKIDEXAMPLE
 *     secretAccessKey: wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
 *     account: "111122223333"
 *     arn: arn:aws:iam::111122223333:user/alice
 *     policy: { ... }                  # optional IAM identity policy (a mapping or a JSON string);
 *                                      # without one, only an account root (arn ...:root) may do anything
 * storage:                             # one of:
 *   sqlite: { file: /var/lib/trent/trent.db }
 *   postgres: { url: jdbc:postgresql://127.0.0.1:5432/trent, user: trent, password: secret, poolSize: 10 }
 *   memory: true
 * rootOfTrust:                         # one of:
 *   keyFile: { file: /var/lib/trent/root.key }
 *   passphrase: { file: /var/lib/trent/root.pass, fromEnv: TRENT_PASSPHRASE }   # or fromFile, or prompt: true
 *   pkcs11: { library: /usr/lib/softhsm/libsofthsm2.so, tokenLabel: trent, pinEnv: TRENT_PKCS11_PIN, keyLabel: trent-root }
 * admin:
 *   port: 9599                         # /metrics, /health/* and the web console (/console/) listen here
 *   consoleOrigin: https://kms.example.com   # only when the console is reached under another name
 * audit:
 *   file: /var/log/trent/audit.jsonl   # "-" for standard output
 *   queueSize: 65536
 *   whenFull: block                    # or drop (and count)
 * tls:
 *   certificate: /etc/trent/server.pem
 *   privateKey: /etc/trent/server.key
 * cache:
 *   refreshSeconds: 5                  # how long another node's change may go unseen
 * requestLog: true                     # one line per request on standard error (trent serve's default)
 * seed: /etc/trent/seed.yaml           # keys with fixed ids and material, created at start (see SeedFile)
 * transport: auto                      # network I/O: io_uring, epoll or nio; auto takes the first available
 * </pre>
 * Every scalar setting can also come from the environment, which wins over the file:
 * {@code TRENT_} followed by its path in upper case with underscores, e.g.
 * {@code TRENT_STORAGE_POSTGRES_URL}, {@code TRENT_ADMIN_PORT}, {@code TRENT_PORT}. Unknown settings
 * are refused, so a misspelt one is noticed.
 */
public record ConfigFile(
    String host,
    Integer port,
    String dataDir,
    String developmentAccount,
    List<IdentityEntry> identities,
    StorageEntry storage,
    RootEntry rootOfTrust,
    AdminEntry admin,
    AuditEntry audit,
    TlsEntry tls,
    CacheEntry cache,
    Boolean requestLog,
    String seed,
    String transport) {

  /** The file's settings, each read by name (see {@link Settings}). */
  static ConfigFile from(Settings s) {
    return new ConfigFile(s.string("host"), s.integer("port"), s.string("dataDir"), s.string("developmentAccount"),
        s.list("identities", IdentityEntry::from), s.record("storage", StorageEntry::from),
        s.record("rootOfTrust", RootEntry::from), s.record("admin", AdminEntry::from), s.record("audit", AuditEntry::from),
        s.record("tls", TlsEntry::from), s.record("cache", CacheEntry::from), s.flag("requestLog"), s.string("seed"),
        s.string("transport"));
  }

  /** One entry of {@code identities}. */
  public record IdentityEntry(String accessKeyId, String secretAccessKey, String account, String arn, JsonNode policy) {

    static IdentityEntry from(Settings s) {
      return new IdentityEntry(s.string("accessKeyId"), s.string("secretAccessKey"), s.string("account"), s.string("arn"),
          s.json("policy"));
    }

    Identity toIdentity(int index) {
      require(accessKeyId, "identities[" + index + "].accessKeyId");
      require(secretAccessKey, "identities[" + index + "].secretAccessKey");
      require(account, "identities[" + index + "].account");
      require(arn, "identities[" + index + "].arn");
      return new Identity(accessKeyId, secretAccessKey, account, arn, policies(index));
    }

    /**
     * The identity policy, a YAML mapping or a JSON string, parsed and validated now: a bad policy
     * stops the start with a message naming the identity (and AWS's text for the fault).
     */
    private List<PolicyDocument> policies(int index) {
      if (policy == null || policy.isNull()) {
        return List.of();
      }
      String where = "identities[" + index + "] (" + arn + ").policy";
      String json;
      if (policy.isTextual()) {
        json = policy.textValue();
      } else if (policy.isObject()) {
        json = policy.toString();
      } else {
        throw new IllegalArgumentException(where + " must be a mapping or a JSON string");
      }
      try {
        return List.of(PolicyDocument.parse(json, PolicyType.IDENTITY_POLICY));
      } catch (PolicyDocumentException e) {
        throw new IllegalArgumentException(where + " is not a valid IAM identity policy: " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return "IdentityEntry[accessKeyId=" + accessKeyId + ", account=" + account + ", arn=" + arn + "]";
    }
  }

  public record StorageEntry(SqliteEntry sqlite, PostgresEntry postgres, Boolean memory) {
    static StorageEntry from(Settings s) {
      return new StorageEntry(s.record("sqlite", SqliteEntry::from), s.record("postgres", PostgresEntry::from),
          s.flag("memory"));
    }
  }

  public record SqliteEntry(String file) {
    static SqliteEntry from(Settings s) {
      return new SqliteEntry(s.string("file"));
    }
  }

  public record PostgresEntry(String url, String user, String password, Integer poolSize) {
    static PostgresEntry from(Settings s) {
      return new PostgresEntry(s.string("url"), s.string("user"), s.string("password"), s.integer("poolSize"));
    }

    @Override
    public String toString() {
      return "PostgresEntry[url=" + url + ", user=" + user + "]";
    }
  }

  public record RootEntry(KeyFileEntry keyFile, PassphraseEntry passphrase, Pkcs11Entry pkcs11) {
    static RootEntry from(Settings s) {
      return new RootEntry(s.record("keyFile", KeyFileEntry::from), s.record("passphrase", PassphraseEntry::from),
          s.record("pkcs11", Pkcs11Entry::from));
    }
  }

  public record KeyFileEntry(String file) {
    static KeyFileEntry from(Settings s) {
      return new KeyFileEntry(s.string("file"));
    }
  }

  /** Where the passphrase comes from: an environment variable, a file, or a prompt on the terminal. */
  public record PassphraseEntry(String file, String fromEnv, String fromFile, Boolean prompt) {
    static PassphraseEntry from(Settings s) {
      return new PassphraseEntry(s.string("file"), s.string("fromEnv"), s.string("fromFile"), s.flag("prompt"));
    }
  }

  public record Pkcs11Entry(String library, String tokenLabel, String pin, String pinEnv, String keyLabel,
      Boolean allowKeyCreation) {
    static Pkcs11Entry from(Settings s) {
      return new Pkcs11Entry(s.string("library"), s.string("tokenLabel"), s.string("pin"), s.string("pinEnv"),
          s.string("keyLabel"), s.flag("allowKeyCreation"));
    }

    @Override
    public String toString() {
      return "Pkcs11Entry[library=" + library + ", tokenLabel=" + tokenLabel + ", keyLabel=" + keyLabel + "]";
    }
  }

  public record AdminEntry(Integer port, String consoleOrigin) {
    static AdminEntry from(Settings s) {
      return new AdminEntry(s.integer("port"), s.string("consoleOrigin"));
    }
  }

  public record AuditEntry(String file, Integer queueSize, String whenFull) {
    static AuditEntry from(Settings s) {
      return new AuditEntry(s.string("file"), s.integer("queueSize"), s.string("whenFull"));
    }
  }

  public record TlsEntry(String certificate, String privateKey) {
    static TlsEntry from(Settings s) {
      return new TlsEntry(s.string("certificate"), s.string("privateKey"));
    }
  }

  public record CacheEntry(Integer refreshSeconds) {
    static CacheEntry from(Settings s) {
      return new CacheEntry(s.integer("refreshSeconds"));
    }
  }

  private static final String ENV_PREFIX = "TRENT_";

  /** Reads a configuration file, with the environment's {@code TRENT_*} settings applied over it. */
  public static ConfigFile read(Path file) throws IOException {
    return read(Files.readString(file, StandardCharsets.UTF_8), file.toString(), System.getenv());
  }

  /** The environment's settings alone, for a server started without a file. */
  public static ConfigFile fromEnvironment(Map<String, String> environment) {
    if (environment.keySet().stream().noneMatch(name -> name.startsWith(ENV_PREFIX))) {
      // Nothing to read: spare the start the YAML parser's set-up.
      return new ConfigFile(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
    return read("", "environment", environment);
  }

  static ConfigFile read(String yamlText, String source, Map<String, String> environment) {
    Map<String, Object> tree = Settings.parse(yamlText, source);
    applyEnvironment(tree, ConfigFile.class, "", environment);
    return Settings.read(tree, source, ConfigFile::from);
  }

  /**
   * Sets each scalar setting named by an environment variable. The names are derived from the
   * records above, so every scalar the file can hold can be set this way (lists cannot).
   */
  private static void applyEnvironment(Map<String, Object> node, Class<?> type, String prefix, Map<String, String> env) {
    for (var component : type.getRecordComponents()) {
      String name = component.getName();
      String envName = prefix + upperSnake(name);
      Class<?> t = component.getType();
      if (t.isRecord()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> child = node.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        Map<String, Object> target = child != null ? child : new java.util.LinkedHashMap<>();
        applyEnvironment(target, t, envName + "_", env);
        if (child == null && !target.isEmpty()) {
          node.put(name, target);
        }
      } else if (t == String.class || t == Integer.class || t == Boolean.class) {
        String value = env.get(ENV_PREFIX + envName);
        if (value != null) {
          node.put(name, Settings.Scalar.string(value));
        }
      }
    }
  }

  private static String upperSnake(String camel) {
    StringBuilder b = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('_');
      }
      b.append(Character.toUpperCase(c));
    }
    return b.toString();
  }

  /** Applies the file's settings to a builder; command-line options applied afterwards win. */
  public TrentConfig.Builder applyTo(TrentConfig.Builder builder) {
    if (host != null) {
      builder.host(host);
    }
    if (port != null) {
      builder.port(port);
    }
    if (dataDir != null) {
      builder.dataDir(Path.of(dataDir));
    }
    if (developmentAccount != null) {
      builder.developmentAccount(developmentAccount);
    }
    if (identities != null) {
      List<Identity> list = new ArrayList<>();
      for (int i = 0; i < identities.size(); i++) {
        list.add(identities.get(i).toIdentity(i));
      }
      builder.identities(list);
    }
    if (storage != null) {
      builder.storage(storageSettings(storage));
    }
    if (rootOfTrust != null) {
      builder.rootOfTrust(rootSettings(rootOfTrust));
    }
    if (storage != null && Boolean.TRUE.equals(storage.memory()) && rootOfTrust == null) {
      builder.rootOfTrust(new RootSettings.Ephemeral());
    }
    if (admin != null && admin.port() != null) {
      builder.adminPort(admin.port());
    }
    if (admin != null && admin.consoleOrigin() != null) {
      builder.consoleOrigin(admin.consoleOrigin());
    }
    if (audit != null) {
      String whenFull = audit.whenFull() == null ? "block" : audit.whenFull();
      if (!whenFull.equals("block") && !whenFull.equals("drop")) {
        throw new IllegalArgumentException("audit.whenFull must be block or drop, was '" + whenFull + "'");
      }
      builder.audit(audit.file(), audit.queueSize() == null ? 65536 : audit.queueSize(), whenFull.equals("drop"));
    }
    if (tls != null) {
      builder.tls(tls.certificate() == null ? null : Path.of(tls.certificate()),
          tls.privateKey() == null ? null : Path.of(tls.privateKey()));
    }
    if (requestLog != null) {
      builder.requestLog(requestLog);
    }
    if (seed != null) {
      builder.seed(SeedFile.read(Path.of(seed)));
    }
    if (cache != null && cache.refreshSeconds() != null) {
      builder.cacheRefresh(java.time.Duration.ofSeconds(cache.refreshSeconds()));
    }
    if (transport != null) {
      builder.transport(Transport.parse(transport));
    }
    return builder;
  }

  private static StorageSettings storageSettings(StorageEntry s) {
    int chosen = (s.sqlite() != null ? 1 : 0) + (s.postgres() != null ? 1 : 0) + (Boolean.TRUE.equals(s.memory()) ? 1 : 0);
    if (chosen > 1) {
      throw new IllegalArgumentException("storage: choose one of sqlite, postgres and memory");
    }
    if (s.postgres() != null) {
      PostgresEntry p = s.postgres();
      require(p.url(), "storage.postgres.url");
      require(p.user(), "storage.postgres.user");
      require(p.password(), "storage.postgres.password");
      return new StorageSettings.Postgres(p.url(), p.user(), p.password(), p.poolSize() == null ? 10 : p.poolSize());
    }
    if (Boolean.TRUE.equals(s.memory())) {
      return new StorageSettings.Memory();
    }
    return new StorageSettings.Sqlite(s.sqlite() == null || s.sqlite().file() == null ? null : Path.of(s.sqlite().file()));
  }

  /** The root of trust a {@code rootOfTrust} entry names (also for {@code trent root rotate}'s new root). */
  public static RootSettings rootSettings(RootEntry r) {
    int chosen = (r.keyFile() != null ? 1 : 0) + (r.passphrase() != null ? 1 : 0) + (r.pkcs11() != null ? 1 : 0);
    if (chosen > 1) {
      throw new IllegalArgumentException("rootOfTrust: choose one of keyFile, passphrase and pkcs11");
    }
    if (r.passphrase() != null) {
      PassphraseEntry p = r.passphrase();
      return new RootSettings.Passphrase(p.file() == null ? null : Path.of(p.file()),
          Secrets.source("rootOfTrust.passphrase", p.fromEnv(), p.fromFile(), p.prompt(), "Trent root passphrase: "));
    }
    if (r.pkcs11() != null) {
      Pkcs11Entry p = r.pkcs11();
      require(p.library(), "rootOfTrust.pkcs11.library");
      require(p.tokenLabel(), "rootOfTrust.pkcs11.tokenLabel");
      require(p.keyLabel(), "rootOfTrust.pkcs11.keyLabel");
      Supplier<char[]> pin = p.pin() != null
          ? () -> p.pin().toCharArray()
          : Secrets.source("rootOfTrust.pkcs11", p.pinEnv(), null, null, "PKCS#11 user PIN: ");
      return new RootSettings.Pkcs11(Path.of(p.library()), p.tokenLabel(), pin, p.keyLabel(),
          p.allowKeyCreation() == null || p.allowKeyCreation());
    }
    return new RootSettings.KeyFile(r.keyFile() == null || r.keyFile().file() == null ? null : Path.of(r.keyFile().file()));
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
