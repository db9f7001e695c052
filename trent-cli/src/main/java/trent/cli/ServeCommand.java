package trent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;
import trent.server.ConfigFile;
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
  }

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: 4599).")
  Integer port;

  @Option(names = "--data-dir", description = "Where keys are stored (default: ./.trent-data).")
  Path dataDir;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (identities, ...).")
  Path config;

  @Option(names = "--in-memory",
      description = "Keep keys only in memory under a throwaway root key; nothing is written to disk.")
  boolean inMemory;

  @Option(names = "--insecure-dev-mode",
      description = "Allow development mode (no authentication) on a non-loopback address.")
  boolean insecureDevMode;

  @Option(names = "--exit-when-ready", hidden = true,
      description = "Start, announce the endpoint, then stop at once (used to train the class-data archive).")
  boolean exitWhenReady;

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
      System.out.flush();
      if (!exitWhenReady) {
        stop.await();
      }
      System.err.println("trent: stopping");
    }
    return 0;
  }
}
