package trent.storage;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The migration files a store ships, for the tests that keep a store's schema constant in step. */
public final class MigrationFiles {

  private MigrationFiles() {}

  /** The highest N of the {@code VN__*.sql} files in the class-path folder {@code dir}. */
  public static int newestVersion(ClassLoader loader, String dir) throws Exception {
    URL url = loader.getResource(dir);
    if (url == null) {
      throw new IllegalArgumentException("no migration folder " + dir + " on the class path");
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .max().orElseThrow();
    }
  }
}
