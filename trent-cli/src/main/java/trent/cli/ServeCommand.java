package trent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;
import trent.server.ConfigFile;
import trent.server.SeedFile;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/**
 * {@code trent serve}: starts a server and runs until SIGTERM or Ctrl-C, then finishes the
 * requests in flight, closes the store and exits with status 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Start Trent and serve the AWS KMS API until stopped (SIGTERM or Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

  private void applyOptions(TrentConfig.Builder builder) {
    if (host != null) {
      builder.host(host);
    }
    if (port != null) {
      builder.port(port);
    }
    if (dataDir != null) {
      builder.dataDir(dataDir);
    }
    builder.insecureDevMode(insecureDevMode);
    builder.inMemory(inMemory);
    if (seed != null) {
      builder.seed(SeedFile.read(seed));
    }
  }

  @Option(names = "--host", description = "Address to listen on (default: 127.0.0.1).")
  String host;

  @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: 4599).")
  Integer port;

  @Option(names = "--data-dir", description = "Where keys are stored (default: ./.trent-data).")
  Path dataDir;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (identities, ...).")
  Path config;

  @Option(names = "--seed", paramLabel = "FILE",
      description = "YAML seed file: keys with fixed ids and key material (and their aliases, policies, tags, grants),"
          + " created at start when missing.")
  Path seed;

  @Option(names = "--in-memory",
      description = "Keep keys only in memory under a throwaway root key; nothing is written to disk.")
  boolean inMemory;

  @Option(names = "--insecure-dev-mode",
      description = "Allow development mode (no authentication) on a non-loopback address.")
  boolean insecureDevMode;

  @Option(names = "--exit-when-ready", hidden = true,
      description = "Start, announce the endpoint, then stop at once (used to train the class-data archive).")
  boolean exitWhenReady;

  /**
   * Reads {@code serve}'s arguments (those after {@code serve}) without picocli, whose command
   * model of every Trent command costs a noticeable part of a start, when they are plain: each
   * option known, given once, as {@code --name value} or {@code --name=value}, and each value
   * unremarkable. Returns null for anything else ({@code --help}, {@code --version}, an unknown or
   * repeated option, a missing or unusual value, an {@code @file}, ...), which picocli then reads,
   * so help, versions and every error message stay picocli's. {@code ServeCommandTest} checks that
   * both read the same arguments alike.
   */
  static ServeCommand parsePlain(String[] args) {
    ServeCommand c = new ServeCommand();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (!seen.add(name)) {
        return null;
      }
      switch (name) {
        case "--in-memory":
        case "--insecure-dev-mode":
        case "--exit-when-ready":
          if (value != null) {
            return null;
          }
          if (name.equals("--in-memory")) {
            c.inMemory = true;
          } else if (name.equals("--insecure-dev-mode")) {
            c.insecureDevMode = true;
          } else {
            c.exitWhenReady = true;
          }
          break;
        case "--host":
        case "--port":
        case "--data-dir":
        case "--config":
        case "--seed":
          if (value == null) {
            if (i + 1 == args.length) {
              return null;
            }
            value = args[++i];
          }
          if (!plainValue(value)) {
            return null;
          }
          if (name.equals("--host")) {
            c.host = value;
          } else if (name.equals("--port")) {
            // Decimal without a leading zero, so that no conversion rule could read it otherwise.
            if (!value.matches("0|[1-9][0-9]{0,8}")) {
              return null;
            }
            c.port = Integer.parseInt(value);
          } else if (name.equals("--data-dir")) {
            c.dataDir = Path.of(value);
          } else if (name.equals("--config")) {
            c.config = Path.of(value);
          } else {
            c.seed = Path.of(value);
          }
          break;
        default:
          return null;
      }
    }
    return c;
  }

  /** A value picocli takes as it is: not empty, not option-like, not an argument file, no quotes. */
  private static boolean plainValue(String value) {
    if (value.isEmpty() || value.startsWith("-") || value.startsWith("@") || value.indexOf('"') >= 0
        || value.indexOf('\'') >= 0) {
      return false;
    }
    try {
      Path.of(value);
      return true;
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  @Override
  public Integer call() throws Exception {
    TrentConfig.Builder builder = TrentConfig.builder().requestLog(true);
    TrentConfig settings;
    try {
      (config != null ? ConfigFile.read(config) : ConfigFile.fromEnvironment(System.getenv())).applyTo(builder);
      applyOptions(builder);
      settings = builder.build();
    } catch (IllegalArgumentException e) {
      System.err.println("trent: " + e.getMessage());
      return 2;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Signal.handle(new Signal("TERM"), s -> stop.countDown());
    Signal.handle(new Signal("INT"), s -> stop.countDown());
    TrentServer server;
    try {
      TrentServer.inService();
      server = TrentServer.start(settings);
    } catch (RuntimeException e) {
      System.err.println("trent: cannot start: " + e.getMessage());
      return 1;
    }
    try (server) {
      String mode = (settings.developmentMode() ? " (development mode, account " + settings.developmentAccount() + ")" : "")
          + (settings.inMemory() ? " (in memory: nothing is kept)" : "");
      System.out.println("Trent is serving the AWS KMS API at " + server.endpoint() + mode);
      System.out.println("Metrics and health at " + server.adminEndpoint() + " (/metrics, /health/live, /health/ready)");
      System.out.println("Web console at " + server.consoleUrl() + (settings.developmentMode()
          ? " (development mode: no sign-in)" : " (sign in with an access key id and secret from the configuration)"));
      System.out.flush();
      if (!exitWhenReady) {
        stop.await();
      }
      System.err.println("trent: stopping");
    }
    return 0;
  }
}
