package trent.crypto.keyring;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import trent.crypto.CryptoException;
import trent.crypto.HkdfSha256;
import trent.crypto.IntegrityException;
import trent.crypto.SecretBytes;

/**
 * A root of trust derived from a passphrase with Argon2id, a memory-hard KDF, and a random salt
 * kept in a small file in the data directory. Nothing secret is stored: whoever has the data
 * directory but not the passphrase must guess it, paying the KDF's memory and time per guess.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>The 256-bit root key is Argon2id(passphrase as UTF-8, salt, parameters) expanded with
 *       HKDF-SHA256; the same passphrase and file always give the same key and {@link #id()}.
 *   <li>A wrong passphrase is refused when the root opens, with a {@link CryptoException} saying
 *       "the passphrase does not match this data dir's root", never later as integrity errors: the
 *       file holds a check value (HMAC-SHA256 under a second derived key over a fixed label and
 *       the file header), compared in constant time.
 *   <li>A file that is not a passphrase root file, is truncated, corrupt (checksum), of an unknown
 *       version or KDF, names out-of-bounds KDF parameters, or (on POSIX file systems) grants any
 *       permission to group or others is refused with a message that says which. Changing the
 *       parameters or salt and fixing the checksum is caught by the check value.
 *   <li>The file is created atomically, mode 0600, exactly as {@link KeyFileRootOfTrust} creates
 *       its key file; of two processes starting together, both end up using the winner's salt.
 *   <li>The caller's passphrase array is overwritten with zeros before {@code openOrCreate}
 *       returns or throws; the UTF-8 copy and derived keys are overwritten after use (best effort,
 *       as for every secret in the JVM). The passphrase is never logged or put in a message.
 *   <li>Wrapping is {@link AesGcmWrapping} (AES-256-GCM, random IV, format byte and associated data
 *       authenticated), as for the key file root.
 * </ul>
 *
 * <p>Cost: with {@link Argon2idParameters#recommended()} (64 MiB, 3 passes, 1 lane) and
 * BouncyCastle 1.87 on the 2-core development machine, opening took 0.7 to 2 s as the first
 * derivation in a fresh JVM (most of it before the JIT compiles Argon2) and 0.15 to 0.3 s once
 * warm, measured by hand; tests do not assert on time. Only start-up pays it, plus 64 MiB of heap
 * for that moment; wraps and unwraps cost microseconds.
 *
 * <p>File format, all integers big-endian: magic {@code "TRENTROOTPASS"} (13 ASCII bytes), format
 * version {@code 0x01}, KDF id {@code 0x01} (Argon2id version 0x13), memory in KiB (4), iterations
 * (4), parallelism (4), salt length (1, 16..64; 32 when created here), salt, check value (32), then
 * the first 4 bytes of SHA-256 over everything before them. 96 bytes with a 32-byte salt.
 */
public final class PassphraseRootOfTrust implements RootOfTrust {

  static final byte[] MAGIC = "TRENTROOTPASS".getBytes(StandardCharsets.US_ASCII);
  static final byte FILE_VERSION = 1;
  static final byte KDF_ARGON2ID_13 = 1;
  static final int SALT_LENGTH = 32;
  static final int MIN_SALT_LENGTH = 16;
  static final int MAX_SALT_LENGTH = 64;
  static final int CHECK_LENGTH = 32;
  static final int CHECKSUM_LENGTH = 4;
  /** Magic, version, KDF id, three parameters, salt length: the bytes before the salt. */
  static final int FIXED_HEADER_LENGTH = MAGIC.length + 1 + 1 + 4 + 4 + 4 + 1;
  static final int FILE_LENGTH = FIXED_HEADER_LENGTH + SALT_LENGTH + CHECK_LENGTH + CHECKSUM_LENGTH;
  static final int MAX_FILE_LENGTH =
      FIXED_HEADER_LENGTH + MAX_SALT_LENGTH + CHECK_LENGTH + CHECKSUM_LENGTH;

  private static final String WHAT = "passphrase root file";
  private static final byte[] ROOT_KEY_INFO =
      "trent passphrase root key".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CHECK_KEY_INFO =
      "trent passphrase check key".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CHECK_LABEL =
      "trent passphrase check".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final Argon2idParameters parameters;
  private final RootKey key;
  private final String id;

  private PassphraseRootOfTrust(Path file, Argon2idParameters parameters, RootKey key) {
    this.file = file;
    this.parameters = parameters;
    this.key = key;
    this.id = key.fingerprint("passphrase");
  }

  /**
   * Opens the root described by {@code file} with {@code passphrase}, or creates the file (with a
   * fresh salt and {@link Argon2idParameters#recommended()}) when it does not exist. Overwrites
   * {@code passphrase} with zeros.
   *
   * @throws CryptoException when the passphrase is empty or does not match the file, or the file
   *     cannot be read or written, is not a valid passphrase root file, or is readable or writable
   *     by group or others
   */
  public static PassphraseRootOfTrust openOrCreate(
      Path file, char[] passphrase, SecureRandom random) {
    return openOrCreate(file, passphrase, random, Argon2idParameters.recommended());
  }

  /**
   * As {@link #openOrCreate(Path, char[], SecureRandom)}, creating the file with {@code
   * parameters}. An existing file keeps the parameters it names; {@code parameters} is then unused.
   */
  public static PassphraseRootOfTrust openOrCreate(
      Path file, char[] passphrase, SecureRandom random, Argon2idParameters parameters) {
    Path target = file.toAbsolutePath();
    byte[] secret = null;
    try {
      secret = utf8(passphrase);
      if (!Files.exists(target)) {
        PassphraseRootOfTrust created = create(target, secret, random, parameters);
        if (created != null) {
          return created;
        }
      }
      return open(target, secret, random);
    } catch (IOException e) {
      throw new CryptoException("cannot open passphrase root file " + target + ": " + e, e);
    } finally {
      Arrays.fill(passphrase, '\0');
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }

  @Override
  public String id() {
    return id;
  }

  /** The KDF parameters named by this root's file. */
  public Argon2idParameters parameters() {
    return parameters;
  }

  @Override
  public byte[] wrap(byte[] plaintext, byte[] associatedData) {
    return key.wrap(plaintext, associatedData);
  }

  /** @throws IntegrityException when {@code wrapped} was not made by this root with this data */
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
    return "PassphraseRootOfTrust[" + file + ", " + parameters + ", id=" + id + "]";
  }

  /** Returns {@code null} when another process created the file first. */
  private static PassphraseRootOfTrust create(
      Path target, byte[] passphrase, SecureRandom random, Argon2idParameters parameters)
      throws IOException {
    byte[] salt = new byte[SALT_LENGTH];
    random.nextBytes(salt);
    byte[] header = header(parameters, salt);
    Derived derived = derive(passphrase, salt, parameters);
    byte[] content = new byte[FILE_LENGTH];
    try {
      System.arraycopy(header, 0, content, 0, header.length);
      System.arraycopy(derived.check(header), 0, content, header.length, CHECK_LENGTH);
      int body = header.length + CHECK_LENGTH;
      System.arraycopy(sha256(content, body), 0, content, body, CHECKSUM_LENGTH);
      if (!OwnerOnlyFiles.createAtomically(target, content, ".root-pass-")) {
        derived.rootKey().destroy();
        return null;
      }
      return new PassphraseRootOfTrust(target, parameters, new RootKey(derived.rootKey(), random));
    } catch (IOException | RuntimeException e) {
      derived.rootKey().destroy();
      throw e;
    } finally {
      derived.destroyCheckKey();
    }
  }

  private static PassphraseRootOfTrust open(Path target, byte[] passphrase, SecureRandom random)
      throws IOException {
    OwnerOnlyFiles.checkOwnerOnly(target, WHAT);
    byte[] content;
    try {
      long size = Files.size(target);
      if (size < FIXED_HEADER_LENGTH || size > MAX_FILE_LENGTH) {
        throw invalid(target, "it is " + size + " bytes long, a passphrase root file is "
            + FIXED_HEADER_LENGTH + ".." + MAX_FILE_LENGTH);
      }
      content = Files.readAllBytes(target);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new CryptoException("cannot read passphrase root file " + target + ": " + e, e);
    }
    if (content.length < FIXED_HEADER_LENGTH
        || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw invalid(target, "it does not start with the Trent passphrase root file header");
    }
    ByteBuffer in = ByteBuffer.wrap(content, MAGIC.length, content.length - MAGIC.length);
    int version = in.get() & 0xff;
    if (version != FILE_VERSION) {
      throw invalid(target, "unsupported format version " + version);
    }
    int kdf = in.get() & 0xff;
    if (kdf != KDF_ARGON2ID_13) {
      throw invalid(target, "unknown KDF id " + kdf);
    }
    int memory = in.getInt();
    int iterations = in.getInt();
    int parallelism = in.getInt();
    int saltLength = in.get() & 0xff;
    int expected = FIXED_HEADER_LENGTH + saltLength + CHECK_LENGTH + CHECKSUM_LENGTH;
    if (content.length != expected) {
      throw invalid(target, "it is " + content.length + " bytes long, but its header says "
          + expected + " (the file is truncated or corrupt)");
    }
    int body = expected - CHECKSUM_LENGTH;
    boolean intact = MessageDigest.isEqual(
        Arrays.copyOf(sha256(content, body), CHECKSUM_LENGTH),
        Arrays.copyOfRange(content, body, expected));
    if (!intact) {
      throw invalid(target, "its checksum does not match (the file is corrupt)");
    }
    if (saltLength < MIN_SALT_LENGTH || saltLength > MAX_SALT_LENGTH) {
      throw invalid(target, "its salt is " + saltLength + " bytes, not " + MIN_SALT_LENGTH + ".."
          + MAX_SALT_LENGTH);
    }
    Argon2idParameters parameters;
    try {
      parameters = Argon2idParameters.checked(memory, iterations, parallelism);
    } catch (IllegalArgumentException e) {
      throw invalid(target, e.getMessage());
    }
    byte[] header = Arrays.copyOf(content, FIXED_HEADER_LENGTH + saltLength);
    byte[] salt = Arrays.copyOfRange(content, FIXED_HEADER_LENGTH, header.length);
    byte[] stored = Arrays.copyOfRange(content, header.length, header.length + CHECK_LENGTH);
    Derived derived = derive(passphrase, salt, parameters);
    try {
      if (!MessageDigest.isEqual(derived.check(header), stored)) {
        derived.rootKey().destroy();
        throw new CryptoException(
            "the passphrase does not match this data dir's root (passphrase root file " + target
                + "). Check the passphrase; nothing was changed.");
      }
      return new PassphraseRootOfTrust(target, parameters, new RootKey(derived.rootKey(), random));
    } finally {
      derived.destroyCheckKey();
    }
  }

  static byte[] header(Argon2idParameters parameters, byte[] salt) {
    return ByteBuffer.allocate(FIXED_HEADER_LENGTH + salt.length)
        .put(MAGIC)
        .put(FILE_VERSION)
        .put(KDF_ARGON2ID_13)
        .putInt(parameters.memoryKib())
        .putInt(parameters.iterations())
        .putInt(parameters.parallelism())
        .put((byte) salt.length)
        .put(salt)
        .array();
  }

  private static Derived derive(byte[] passphrase, byte[] salt, Argon2idParameters parameters) {
    Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt)
        .withMemoryAsKB(parameters.memoryKib())
        .withIterations(parameters.iterations())
        .withParallelism(parameters.parallelism())
        .build();
    byte[] master = new byte[HkdfSha256.HASH_LENGTH];
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(argon2);
      generator.generateBytes(passphrase, master);
      return new Derived(
          SecretBytes.adopt(HkdfSha256.expand(master, ROOT_KEY_INFO, RootKey.LENGTH)),
          HkdfSha256.expand(master, CHECK_KEY_INFO, HkdfSha256.HASH_LENGTH));
    } finally {
      Arrays.fill(master, (byte) 0);
    }
  }

  /** The two keys derived from the passphrase: one wraps, the other only proves the passphrase. */
  private static final class Derived {
    private final SecretBytes rootKey;
    private final byte[] checkKey;

    Derived(SecretBytes rootKey, byte[] checkKey) {
      this.rootKey = rootKey;
      this.checkKey = checkKey;
    }

    SecretBytes rootKey() {
      return rootKey;
    }

    byte[] check(byte[] header) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(checkKey, "HmacSHA256"));
        mac.update(CHECK_LABEL);
        return mac.doFinal(header);
      } catch (GeneralSecurityException e) {
        throw new CryptoException("HmacSHA256 is not available", e);
      }
    }

    void destroyCheckKey() {
      Arrays.fill(checkKey, (byte) 0);
    }
  }

  /** The passphrase as UTF-8, without intermediate copies that could not be cleared. */
  private static byte[] utf8(char[] passphrase) {
    if (passphrase.length == 0) {
      throw new CryptoException("the passphrase is empty; a passphrase root needs a passphrase");
    }
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer out = ByteBuffer.allocate(passphrase.length * 3);
    try {
      CoderResult result = encoder.encode(CharBuffer.wrap(passphrase), out, true);
      if (!result.isUnderflow()) {
        result.throwException();
      }
      result = encoder.flush(out);
      if (!result.isUnderflow()) {
        result.throwException();
      }
      return Arrays.copyOf(out.array(), out.position());
    } catch (CharacterCodingException e) {
      // Deliberately no cause or position: either could hint at the passphrase's content.
      throw new CryptoException("the passphrase is not valid text (unpaired UTF-16 surrogate)");
    } finally {
      Arrays.fill(out.array(), (byte) 0);
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
        "passphrase root file " + target + " is not a valid Trent passphrase root file: " + why
            + ". Restore the right file; without it, key material wrapped under this root cannot"
            + " be recovered, even with the right passphrase.");
  }
}
