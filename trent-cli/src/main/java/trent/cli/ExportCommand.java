package trent.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import trent.server.Backup;

/**
 * {@code trent export}: writes a backup of an installation (keys still wrapped under its root of
 * trust) to a file. The file appears only once it is complete.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Write a backup of an installation's keys (still wrapped), aliases, tags, grants and keyring"
        + " to a JSON file. A running server may stay up.")
final class ExportCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the backup.")
  Path out;

  @Override
  public Integer call() throws IOException {
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    try {
      Backup.Summary summary;
      try (OutputStream stream = Files.newOutputStream(partial)) {
        summary = Backup.export(store.settings(), stream);
      }
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.out.println("trent: exported " + summary.keys() + " key(s), " + summary.aliases() + " alias(es), "
          + summary.grants() + " grant(s) and " + summary.terms() + " keyring term(s) to " + out);
      return 0;
    } catch (IllegalArgumentException e) {
      Files.deleteIfExists(partial);
      System.err.println("trent: cannot export: " + e.getMessage());
      return 1;
    }
  }
}
