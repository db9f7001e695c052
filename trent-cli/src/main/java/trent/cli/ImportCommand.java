package trent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import trent.server.Backup;
import trent.server.RootSettings;
import trent.server.TrentConfig;

/** {@code trent import}: loads a backup made by {@code trent export} into an empty installation. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Load a backup made by trent export into an empty installation (a new data dir, or an empty"
        + " database), under its root of trust.")
final class ImportCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The backup to load.")
  Path in;

  @Option(names = "--rewrap-from", paramLabel = "FILE",
      description = "When the target has another root of trust than the source: the source's root key file,"
          + " or the source's configuration file (.yaml/.yml) naming its root of trust (passphrase, PKCS#11).")
  Path rewrapFrom;

  @Override
  public Integer call() throws IOException {
    try (InputStream stream = Files.newInputStream(in)) {
      Backup.Summary summary = Backup.importInto(store.settings(), stream, source());
      System.out.println("trent: imported " + summary.keys() + " key(s), " + summary.aliases() + " alias(es), "
          + summary.grants() + " grant(s) and " + summary.terms() + " keyring term(s) from " + in);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("trent: cannot import: " + e.getMessage());
      return 1;
    }
  }

  private TrentConfig source() throws IOException {
    if (rewrapFrom == null) {
      return null;
    }
    String name = rewrapFrom.getFileName().toString();
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return StoreOptions.settings(rewrapFrom, null);
    }
    return TrentConfig.builder().rootOfTrust(new RootSettings.KeyFile(rewrapFrom)).build();
  }
}
