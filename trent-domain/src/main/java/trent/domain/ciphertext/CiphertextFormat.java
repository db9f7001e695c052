package trent.domain.ciphertext;

import java.security.SecureRandom;
import java.util.Arrays;
import trent.crypto.DerivedKeyAead;
import trent.crypto.IntegrityException;
import trent.crypto.MessageNonce;
import trent.crypto.SecretBytes;

/**
 * Trent's symmetric ciphertext format, version 1: what {@code Encrypt} and
 * {@code GenerateDataKey*} return as {@code CiphertextBlob} and {@code Decrypt} accepts. The byte
 * layout, the key derivation and the rules for new versions are in {@code docs/CIPHERTEXT.md}.
 *
 * <pre>
 * offset  size  field
 *      0     1  format version, 0x01
 *      1     1  key id kind: 0x01 UUID key id, 0x02 multi-Region key id (mrk-)
 *      2    16  key id (the UUID's 16 bytes, or the 16 bytes after "mrk-")
 *     18    32  key material id
 *     50    32  nonce
 *     82     n  AES-256-GCM ciphertext, n = plaintext length, 1..4096
 *   82+n    16  GCM tag
 * </pre>
 *
 * <p>Security guarantees: confidentiality of the plaintext and integrity of the whole blob and
 * the encryption context, as {@link DerivedKeyAead} gives them. The associated data is the
 * 82-byte header exactly as written, followed by {@link EncryptionContext#toCanonicalBytes()};
 * so a blob opens only under the key material its header names, only with the same encryption
 * context, and only if not one byte was changed, removed or added. Every failure to parse or open
 * is a {@link MalformedCiphertextException}. Each message is encrypted under its own derived key,
 * so the number of messages per key material version needs no limit.
 *
 * <p>Thread-safe.
 */
public final class CiphertextFormat {

  /** The format version this class writes, and the only one it reads. */
  public static final int FORMAT_VERSION = 1;

  /** Length of the version 1 header, which is authenticated as associated data. */
  public static final int HEADER_LENGTH = 1 + 1 + KeyIds.KEY_ID_BYTES + KeyIds.KEY_MATERIAL_ID_BYTES + MessageNonce.LENGTH;

  /** Largest plaintext a blob can hold (AWS: {@code Encrypt} takes up to 4096 bytes). */
  public static final int MAX_PLAINTEXT_LENGTH = 4096;

  /** Bytes a blob adds to its plaintext. */
  public static final int OVERHEAD = HEADER_LENGTH + DerivedKeyAead.TAG_LENGTH;

  /** Shortest and longest well-formed version 1 blobs. */
  public static final int MIN_BLOB_LENGTH = OVERHEAD + 1;

  public static final int MAX_BLOB_LENGTH = OVERHEAD + MAX_PLAINTEXT_LENGTH;

  private static final int KIND_OFFSET = 1;
  private static final int KEY_ID_OFFSET = 2;
  private static final int KEY_MATERIAL_ID_OFFSET = KEY_ID_OFFSET + KeyIds.KEY_ID_BYTES;
  private static final int NONCE_OFFSET = KEY_MATERIAL_ID_OFFSET + KeyIds.KEY_MATERIAL_ID_BYTES;

  private final SecureRandom random;

  /** @param random the source of message nonces; share one per server (see {@code ThreadLocalSecureRandom}) */
  public CiphertextFormat(SecureRandom random) {
    this.random = random;
  }

  /**
   * Encrypts {@code plaintext} under {@code key}, bound to {@code context}, with a fresh random
   * nonce.
   *
   * @throws IllegalArgumentException when the plaintext is empty or longer than {@link
   *     #MAX_PLAINTEXT_LENGTH} (the operation layer validates this first)
   */
  public byte[] seal(BackingKey key, SecretBytes plaintext, EncryptionContext context) {
    return seal(key, MessageNonce.random(random), plaintext, context);
  }

  /**
   * INSECURE: {@link #seal} with a chosen nonce, for the known-answer vectors only. Sealing two
   * plaintexts with one nonce under one key breaks confidentiality and integrity.
   */
  static byte[] sealWithInsecureFixedNonceForTesting(
      BackingKey key, byte[] nonce, SecretBytes plaintext, EncryptionContext context) {
    return seal(key, MessageNonce.insecureFixedForTesting(nonce), plaintext, context);
  }

  /**
   * Reads the header of a blob without any key, checking the blob's length and every field
   * before it reads it. The header is not authenticated until {@link #open} succeeds.
   *
   * @throws MalformedCiphertextException when the blob is not a well-formed version 1 blob
   */
  public CiphertextHeader parseHeader(byte[] blob) {
    checkFrame(blob);
    String keyId = KeyIds.readKeyId(blob[KIND_OFFSET], blob, KEY_ID_OFFSET);
    if (keyId == null) {
      throw new MalformedCiphertextException("unknown key id kind");
    }
    return CiphertextHeader.read(
        FORMAT_VERSION,
        keyId,
        KeyIds.readKeyMaterialId(blob, KEY_MATERIAL_ID_OFFSET),
        Arrays.copyOfRange(blob, NONCE_OFFSET, NONCE_OFFSET + MessageNonce.LENGTH));
  }

  /**
   * Authenticates and decrypts a blob.
   *
   * @param key the key material the blob's header names (see {@link #parseHeader})
   * @return the plaintext; the caller owns it and should destroy it when done
   * @throws MalformedCiphertextException when the blob is malformed, names other key material
   *     than {@code key}, was changed in any way, or was sealed with another encryption context
   */
  public SecretBytes open(BackingKey key, byte[] blob, EncryptionContext context) {
    checkFrame(blob);
    byte[] identity = key.identity();
    if (!Arrays.equals(blob, KIND_OFFSET, NONCE_OFFSET, identity, 0, identity.length)) {
      throw new MalformedCiphertextException("ciphertext names other key material");
    }
    byte[] aad = associatedData(blob, context);
    try {
      return SecretBytes.adopt(
          key.aead().decrypt(
              MessageNonce.fromCiphertext(blob, NONCE_OFFSET),
              blob,
              HEADER_LENGTH,
              blob.length - HEADER_LENGTH,
              aad));
    } catch (IntegrityException e) {
      throw new MalformedCiphertextException("ciphertext does not authenticate");
    }
  }

  /** The checks of a blob's length and version that come before reading anything else of it. */
  private static void checkFrame(byte[] blob) {
    if (blob.length < MIN_BLOB_LENGTH) {
      throw new MalformedCiphertextException("ciphertext is shorter than the shortest blob");
    }
    if (blob.length > MAX_BLOB_LENGTH) {
      throw new MalformedCiphertextException("ciphertext is longer than the longest blob");
    }
    if (blob[0] != FORMAT_VERSION) {
      throw new MalformedCiphertextException("unknown ciphertext format version");
    }
  }

  private static byte[] seal(
      BackingKey key, MessageNonce nonce, SecretBytes plaintext, EncryptionContext context) {
    int n = plaintext.length();
    if (n < 1 || n > MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException("plaintext must be 1.." + MAX_PLAINTEXT_LENGTH + " bytes");
    }
    byte[] blob = new byte[OVERHEAD + n];
    blob[0] = FORMAT_VERSION;
    byte[] identity = key.identity();
    System.arraycopy(identity, 0, blob, KIND_OFFSET, identity.length);
    nonce.copyTo(blob, NONCE_OFFSET);
    byte[] pt = plaintext.revealCopy();
    try {
      key.aead().encrypt(nonce, pt, associatedData(blob, context), blob, HEADER_LENGTH);
      return blob;
    } finally {
      Arrays.fill(pt, (byte) 0);
    }
  }

  /** The header as written in {@code blob}, followed by the context's canonical encoding. */
  private static byte[] associatedData(byte[] blob, EncryptionContext context) {
    byte[] aad = new byte[HEADER_LENGTH + context.canonicalLength()];
    System.arraycopy(blob, 0, aad, 0, HEADER_LENGTH);
    context.copyCanonicalTo(aad, HEADER_LENGTH);
    return aad;
  }
}
