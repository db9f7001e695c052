package trent.crypto.keyring;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import trent.crypto.CryptoException;

/**
 * Small files that only their owner may read, created atomically: what the key file and the
 * passphrase roots keep in the data directory.
 */
final class OwnerOnlyFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");

  private OwnerOnlyFiles() {}

  /**
   * Creates {@code target} with exactly {@code content}, unless it exists. A complete temporary
   * file (mode 0600 where the file system has POSIX permissions, in parent directories created
   * 0700) is linked into place, so a crash never leaves a partial file and, of two processes
   * creating it together, one wins and the other sees the winner's file.
   *
   * @return whether this call created the file ({@code false}: another process did meanwhile)
   */
  static boolean createAtomically(Path target, byte[] content, String tempPrefix)
      throws IOException {
    Path dir = target.getParent();
    boolean posix = Files.getFileStore(existingAncestor(dir))
        .supportsFileAttributeView(PosixFileAttributeView.class);
    if (posix) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
    } else {
      Files.createDirectories(dir);
    }
    FileAttribute<?>[] attrs = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
        : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(dir, tempPrefix, ".tmp", attrs);
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        // A link, unlike a rename, never replaces a file another process created meanwhile.
        Files.createLink(target, temp);
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException e) {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        temp = null;
      }
      syncDirectory(dir);
      return true;
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Refuses {@code target} when it grants any permission to group or others (on file systems
   * without POSIX permissions the data directory's ACLs must protect it).
   *
   * @param what names the file in the message, e.g. {@code "root key file"}
   */
  static void checkOwnerOnly(Path target, String what) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> perms = view.readAttributes().permissions();
    for (PosixFilePermission p : perms) {
      if (!p.name().startsWith("OWNER_")) {
        throw new CryptoException(
            what + " " + target + " is accessible to group or others (mode "
                + PosixFilePermissions.toString(perms) + "); refusing to use it. "
                + "Restrict it with: chmod 600 " + target);
      }
    }
  }

  private static Path existingAncestor(Path dir) {
    Path p = dir;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p == null ? dir.getRoot() : p;
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform can sync a directory; the link itself is already atomic.
    }
  }
}
