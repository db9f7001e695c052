package trent.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps the SQLite driver's native library extracted in a per-user cache directory, so that a
 * start loads it from there instead of extracting it again.
 *
 * <p>Why: the xerial driver otherwise copies its native library (about 1 MiB) out of its jar into
 * {@code java.io.tmpdir} under a new name at every start, checks the copy, and loads it; that is a
 * tenth of a second or more of a start, and a killed process leaves its copy behind. Here the
 * library is written once to {@code $XDG_CACHE_HOME/trent} (default {@code ~/.cache/trent}), in a
 * directory named after the driver's version and the platform, and the driver is pointed at it
 * with its {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties.
 *
 * <p>Safety: the cache is used only when its directory is owned by this user and writable by no
 * one else, and the file has the size of the library in the jar; a new copy is written to a
 * temporary file in that directory and moved into place atomically, so a concurrent start never
 * loads a partial file. When the user has set the driver's properties, or anything here fails
 * (no home directory, a file system without POSIX permissions, a full disk), the driver's own
 * extraction is left to work as before.
 */
final class NativeLibraryCache {

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private static boolean installed;

  private NativeLibraryCache() {}

  /** Points the driver at the cached library, extracting it first when needed. Call before the driver loads. */
  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    if (System.getProperty("org.sqlite.lib.path") != null || System.getProperty("org.sqlite.lib.name") != null) {
      return;
    }
    try {
      Path root = cacheRoot();
      Path library = root == null ? null : extractTo(root);
      if (library != null) {
        System.setProperty("org.sqlite.lib.path", library.getParent().toString());
        System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
      }
    } catch (IOException | RuntimeException e) {
      // The driver extracts the library itself, as without this cache.
    }
  }

  /**
   * The driver's native library for this platform under {@code root}, extracted when missing or
   * of another size; null when there is no bundled library or the directory is not safe to use.
   */
  static Path extractTo(Path root) throws IOException {
    String name = LibraryLoaderUtil.getNativeLibName();
    String folder = LibraryLoaderUtil.getNativeLibResourcePath();
    URL resource = SQLiteJDBCLoader.class.getResource(folder + "/" + name);
    if (resource == null) {
      return null; // no bundled library for this platform: the driver reports it
    }
    URLConnection connection = resource.openConnection();
    connection.setUseCaches(false);
    long size = connection.getContentLengthLong();
    Path dir = root.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + folder.replace('/', '-'));
    if (!ownerOnlyDirectory(root) || !ownerOnlyDirectory(dir)) {
      return null;
    }
    Path library = dir.resolve(name);
    if (!Files.isRegularFile(library) || Files.size(library) != size) {
      Path partial = Files.createTempFile(dir, name, ".partial");
      try (InputStream in = connection.getInputStream()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    return library;
  }

  private static Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "trent");
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache", "trent");
  }

  /** Creates {@code dir} (mode 0700) when missing; true when it is ours and no one else may write to it. */
  private static boolean ownerOnlyDirectory(Path dir) throws IOException {
    try {
      Files.createDirectories(dir.getParent());
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException e) {
      // checked below
    } catch (UnsupportedOperationException e) {
      return false;
    }
    PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
    Set<PosixFilePermission> permissions = attributes.permissions();
    return attributes.isDirectory()
        && attributes.owner().getName().equals(System.getProperty("user.name"))
        && !permissions.contains(PosixFilePermission.GROUP_WRITE)
        && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
  }
}
