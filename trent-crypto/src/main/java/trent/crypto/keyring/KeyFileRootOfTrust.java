package trent.crypto.keyring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
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
 * <p>Wrapped format: {@link AesGcmWrapping} ({@code 0x01} ‖ IV (12) ‖ ciphertext ‖ tag (16)). The
 * random IV bounds this key to about 2^32 wraps; the root wraps only keyring terms, a handful in
 * its lifetime.
 */
public final class KeyFileRootOfTrust implements RootOfTrust {

  static final byte[] MAGIC = "TRENTROOTKEY".getBytes(StandardCharsets.US_ASCII);
  static final byte FILE_VERSION = 1;
  static final int KEY_LENGTH = RootKey.LENGTH;
  static final int CHECKSUM_LENGTH = 4;
  static final int FILE_LENGTH = MAGIC.length + 1 + KEY_LENGTH + CHECKSUM_LENGTH;

  private static final String WHAT = "root key file";

  private final Path file;
  private final RootKey key;
  private final String id;

  private KeyFileRootOfTrust(Path file, SecretBytes key, SecureRandom random) {
    this.file = file;
    this.key = new RootKey(key, random);
    this.id = this.key.fingerprint("keyfile");
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
    return key.wrap(plaintext, associatedData);
  }

  @Override
  public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
    return key.unwrap(wrapped, associatedData);
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

  private static void create(Path target, SecureRandom random) throws IOException {
    byte[] content = new byte[FILE_LENGTH];
    try (SecretBytes key = SecretBytes.random(KEY_LENGTH, random)) {
      byte[] k = key.revealCopy();
      encode(k, content);
      Arrays.fill(k, (byte) 0);
      // When another process wins the race, its key is the one read next.
      OwnerOnlyFiles.createAtomically(target, content, ".root-key-");
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  private static SecretBytes read(Path target) throws IOException {
    OwnerOnlyFiles.checkOwnerOnly(target, WHAT);
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
      return SecretBytes.adopt(Arrays.copyOfRange(content, MAGIC.length + 1, body));
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
}
