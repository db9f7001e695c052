package trent.crypto.keyring;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import trent.crypto.CryptoException;
import trent.crypto.IntegrityException;
import trent.crypto.SecretBytes;

/**
 * A root of trust held in a file: a 256-bit AES key, created on first start. Meant for local
 * development and tests, where the data directory is as well protected as the key would be.
 *
 * <p>Guarantees: the file is created atomically (a complete temporary file, mode 0600 where the
 * file system has POSIX permissions, is linked into place, so a crash never leaves a partial key
 * and two processes starting together end up with the same key). A file that is not a Trent root
 * key file, is truncated or corrupt, or (on POSIX file systems) grants any permission to group or
 * others is refused with a {@link CryptoException} that says why, instead of being used. Wrapping
 * is AES-256-GCM with a random 96-bit IV, the given associated data and the format byte
 * authenticated; unwrapping anything else fails with {@link IntegrityException}. The key is never
 * logged, printed or returned; {@link #id()} is a one-way fingerprint.
 *
 * <p>File format (49 bytes): magic {@code "TRENTROOTKEY"} (12 ASCII bytes), format version
 * {@code 0x01}, the 32-byte key, then the first 4 bytes of SHA-256 over everything before it.
 *
 * <p>Wrapped format: {@code 0x01} ‖ IV (12) ‖ ciphertext ‖ tag (16). The random IV bounds this
 * key to about 2^32 wraps; the root wraps only keyring terms, a handful in its lifetime.
 */
public final class KeyFileRootOfTrust implements RootOfTrust {

  static final byte[] MAGIC = "TRENTROOTKEY".getBytes(StandardCharsets.US_ASCII);
  static final byte FILE_VERSION = 1;
  static final int KEY_LENGTH = 32;
  static final int CHECKSUM_LENGTH = 4;
  static final int FILE_LENGTH = MAGIC.length + 1 + KEY_LENGTH + CHECKSUM_LENGTH;

  private static final byte WRAP_VERSION = 1;
  private static final int IV_LENGTH = 12;
  private static final int TAG_LENGTH = 16;
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");

  private final Path file;
  private final SecretBytes key;
  private final String id;
  private final SecureRandom random;

  private KeyFileRootOfTrust(Path file, SecretBytes key, SecureRandom random) {
    this.file = file;
    this.key = key;
    this.random = random;
    this.id = fingerprint(key);
  }

  /**
   * Reads the root key file, or creates it (and its parent directories, owner-only) when it does
   * not exist.
   *
   * @throws CryptoException when the file cannot be read or written, is not a valid root key
   *     file, or is readable or writable by group or others
   */
  public static KeyFileRootOfTrust openOrCreate(Path file, SecureRandom random) {
    Path target = file.toAbsolutePath();
    try {
      if (!Files.exists(target)) {
        create(target, random);
      }
      return new KeyFileRootOfTrust(target, read(target), random);
    } catch (IOException e) {
      throw new CryptoException("cannot open root key file " + target + ": " + e, e);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public byte[] wrap(byte[] plaintext, byte[] associatedData) {
    byte[] out = new byte[1 + IV_LENGTH + plaintext.length + TAG_LENGTH];
    out[0] = WRAP_VERSION;
    byte[] iv = new byte[IV_LENGTH];
    random.nextBytes(iv);
    System.arraycopy(iv, 0, out, 1, IV_LENGTH);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv);
      cipher.updateAAD(out, 0, 1);
      cipher.updateAAD(associatedData);
      cipher.doFinal(plaintext, 0, plaintext.length, out, 1 + IV_LENGTH);
      return out;
    } catch (GeneralSecurityException e) {
      throw new CryptoException("root of trust: AES-GCM wrap failed", e);
    }
  }

  @Override
  public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
    if (wrapped.length < 1 + IV_LENGTH + TAG_LENGTH || wrapped[0] != WRAP_VERSION) {
      throw new IntegrityException();
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(wrapped, 1, 1 + IV_LENGTH));
      cipher.updateAAD(wrapped, 0, 1);
      cipher.updateAAD(associatedData);
      return cipher.doFinal(wrapped, 1 + IV_LENGTH, wrapped.length - 1 - IV_LENGTH);
    } catch (AEADBadTagException e) {
      throw new IntegrityException();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("root of trust: AES-GCM unwrap failed", e);
    }
  }

  /** Overwrites the key held in memory; later wraps and unwraps fail. */
  @Override
  public void close() {
    key.destroy();
  }

  @Override
  public String toString() {
    return "KeyFileRootOfTrust[" + file + ", id=" + id + "]";
  }

  // Root-of-trust calls are rare (opening the keyring, rotating the root), so a Cipher per call
  // is fine here, unlike on the request path.
  private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
    byte[] k = key.revealCopy();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(k, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, iv));
      return cipher;
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  private static String fingerprint(SecretBytes key) {
    byte[] k = key.revealCopy();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(k, "HmacSHA256"));
      byte[] tag = mac.doFinal("trent root id".getBytes(StandardCharsets.US_ASCII));
      return "keyfile:" + HexFormat.of().formatHex(tag, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("HmacSHA256 is not available", e);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  private static void create(Path target, SecureRandom random) throws IOException {
    Path dir = target.getParent();
    boolean posix = Files.getFileStore(existingAncestor(dir))
        .supportsFileAttributeView(PosixFileAttributeView.class);
    if (posix) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
    } else {
      Files.createDirectories(dir);
    }
    byte[] content = new byte[FILE_LENGTH];
    Path temp = null;
    try (SecretBytes key = SecretBytes.random(KEY_LENGTH, random)) {
      byte[] k = key.revealCopy();
      encode(k, content);
      Arrays.fill(k, (byte) 0);
      FileAttribute<?>[] attrs = posix
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
          : new FileAttribute<?>[0];
      temp = Files.createTempFile(dir, ".root-key-", ".tmp", attrs);
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
        return; // another process won the race; use its key
      } catch (UnsupportedOperationException e) {
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        temp = null;
      }
      syncDirectory(dir);
    } finally {
      Arrays.fill(content, (byte) 0);
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static SecretBytes read(Path target) throws IOException {
    checkPermissions(target);
    byte[] content;
    try {
      long size = Files.size(target);
      if (size != FILE_LENGTH) {
        throw invalid(target, "it is " + size + " bytes long, a root key file is " + FILE_LENGTH);
      }
      content = Files.readAllBytes(target);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new CryptoException("cannot read root key file " + target + ": " + e, e);
    }
    try {
      if (content.length != FILE_LENGTH
          || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
        throw invalid(target, "it does not start with the Trent root key file header");
      }
      if (content[MAGIC.length] != FILE_VERSION) {
        throw invalid(target, "unsupported format version " + (content[MAGIC.length] & 0xff));
      }
      int body = MAGIC.length + 1 + KEY_LENGTH;
      byte[] sum = sha256(content, body);
      boolean intact = MessageDigest.isEqual(
          Arrays.copyOf(sum, CHECKSUM_LENGTH), Arrays.copyOfRange(content, body, FILE_LENGTH));
      if (!intact) {
        throw invalid(target, "its checksum does not match (the file is corrupt)");
      }
      return SecretBytes.copyOf(Arrays.copyOfRange(content, MAGIC.length + 1, body));
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  /** Writes the whole file content for {@code key} into {@code out} ({@link #FILE_LENGTH} bytes). */
  static void encode(byte[] key, byte[] out) {
    System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
    out[MAGIC.length] = FILE_VERSION;
    System.arraycopy(key, 0, out, MAGIC.length + 1, KEY_LENGTH);
    int body = MAGIC.length + 1 + KEY_LENGTH;
    System.arraycopy(sha256(out, body), 0, out, body, CHECKSUM_LENGTH);
  }

  private static void checkPermissions(Path target) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (view == null) {
      return; // no POSIX permissions (e.g. Windows): the data directory's ACLs must protect it
    }
    Set<PosixFilePermission> perms = view.readAttributes().permissions();
    for (PosixFilePermission p : perms) {
      if (!p.name().startsWith("OWNER_")) {
        throw new CryptoException(
            "root key file " + target + " is accessible to group or others (mode "
                + PosixFilePermissions.toString(perms) + "); refusing to use it. "
                + "Restrict it with: chmod 600 " + target);
      }
    }
  }

  private static byte[] sha256(byte[] data, int length) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(data, 0, length);
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("SHA-256 is not available", e);
    }
  }

  private static CryptoException invalid(Path target, String why) {
    return new CryptoException(
        "root key file " + target + " is not a valid Trent root key file: " + why
            + ". Restore the right file; do not delete it unless no key material wrapped under it"
            + " is needed any more.");
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
