package trent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import trent.server.TrentServer;

/** {@code trent}: the entry point. */
@Command(
    name = "trent",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A key management service that speaks the AWS KMS API.",
    subcommands = {ServeCommand.class, ExportCommand.class, ImportCommand.class, RootCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("serve")) {
      // On a second thread, while this one reads the command line and the configuration file:
      // Netty's settings for a server in service, which sets up the logging (about 0.1 s on the
      // 2-core development machine), then what every start loads (SQLite, Netty, Jackson). Nothing
      // on this thread uses Netty or logs before serve's call() applies the same settings again.
      Thread preload = new Thread(() -> {
        TrentServer.inService();
        TrentServer.preload();
      }, "trent-preload");
      preload.setDaemon(true);
      preload.start();
      ServeCommand serve = ServeCommand.parsePlain(java.util.Arrays.copyOfRange(args, 1, args.length));
      if (serve != null) {
        System.exit(run(serve));
      }
    }
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** Runs a command read without picocli as picocli's {@code execute} would: its status, or 1 and the trace. */
  static int run(java.util.concurrent.Callable<Integer> command) {
    try {
      Integer status = command.call();
      return status == null ? 0 : status;
    } catch (Exception e) {
      e.printStackTrace();
      return 1;
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The version Maven wrote into the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"trent " + p.getProperty("version", "unknown")};
    }
  }
}
