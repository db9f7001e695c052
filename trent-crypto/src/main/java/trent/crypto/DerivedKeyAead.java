package trent.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption with associated data under a 256-bit backing key, where every message
 * gets its own AES-256-GCM key and IV derived from a random 256-bit {@link MessageNonce}.
 *
 * <p>Security guarantees: IND-CCA2 confidentiality of the plaintext and integrity of plaintext
 * and associated data (INT-CTXT), as AES-256-GCM gives them, for each message. Because the GCM
 * key is fresh per message ({@code HKDF-SHA256(salt = nonce, ikm = backing key, info = }{@link
 * #HKDF_INFO}{@code )} → 32-byte key ‖ 12-byte IV), the usual limit of about 2^32 messages per
 * key for random 96-bit IVs does not apply to the backing key: the only collision that matters
 * is of two 256-bit nonces. Decryption fails with {@link IntegrityException} on any change to
 * nonce, ciphertext, tag or associated data, and under any other backing key. The associated
 * data is authenticated, not encrypted. GCM is not key-committing: this type does not promise
 * that a ciphertext made by someone who knows two keys opens under only one of them.
 *
 * <p>Thread-safe. Each thread reuses its own {@link Cipher}; creating one per request was
 * measured to cost more than all the cryptography of a request together. Derived keys are
 * overwritten after use (best effort: the JDK keeps copies inside its key objects).
 */
public final class DerivedKeyAead implements AutoCloseable {

  /** Backing key length in bytes. */
  public static final int KEY_LENGTH = 32;

  /** GCM tag length in bytes; every ciphertext is this much longer than its plaintext. */
  public static final int TAG_LENGTH = 16;

  /** The HKDF info string: names this construction so its keys serve nothing else. */
  public static final String HKDF_INFO = "trent/derived-key-aead/v1 aes-256-gcm key+iv";

  private static final byte[] INFO = HKDF_INFO.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int GCM_KEY_LENGTH = 32;
  private static final int GCM_IV_LENGTH = 12;

  private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(DerivedKeyAead::newCipher);

  private final SecretBytes backingKey;

  private DerivedKeyAead(SecretBytes backingKey) {
    this.backingKey = backingKey;
  }

  /** Takes a copy of a 256-bit backing key; the caller keeps ownership of {@code backingKey}. */
  public static DerivedKeyAead create(SecretBytes backingKey) {
    if (backingKey.length() != KEY_LENGTH) {
      throw new IllegalArgumentException("backing key must be " + KEY_LENGTH + " bytes");
    }
    return new DerivedKeyAead(SecretBytes.adopt(backingKey.revealCopy()));
  }

  /** Encrypts {@code plaintext}; returns ciphertext ‖ tag. */
  public byte[] encrypt(MessageNonce nonce, byte[] plaintext, byte[] associatedData) {
    byte[] out = new byte[plaintext.length + TAG_LENGTH];
    encrypt(nonce, plaintext, associatedData, out, 0);
    return out;
  }

  /**
   * Encrypts {@code plaintext} and writes ciphertext ‖ tag ({@code plaintext.length + TAG_LENGTH}
   * bytes) into {@code out} at {@code outOffset}.
   *
   * @throws IllegalStateException when {@code nonce} has encrypted before
   * @throws IllegalArgumentException when {@code nonce} was read from a ciphertext
   */
  public void encrypt(
      MessageNonce nonce, byte[] plaintext, byte[] associatedData, byte[] out, int outOffset) {
    nonce.claimForEncryption();
    // The JDK refuses to encrypt twice with one key and IV on the same Cipher; only a fixed test
    // nonce can repeat them, so that path gets a Cipher of its own.
    Cipher cipher = nonce.isInsecureFixed() ? newCipher() : CIPHER.get();
    byte[] keyAndIv = derive(nonce);
    try {
      init(cipher, Cipher.ENCRYPT_MODE, keyAndIv);
      cipher.updateAAD(associatedData);
      cipher.doFinal(plaintext, 0, plaintext.length, out, outOffset);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("AES-GCM encryption failed", e);
    } finally {
      Arrays.fill(keyAndIv, (byte) 0);
    }
  }

  /** Decrypts ciphertext ‖ tag; see {@link #decrypt(MessageNonce, byte[], int, int, byte[])}. */
  public byte[] decrypt(MessageNonce nonce, byte[] ciphertextAndTag, byte[] associatedData) {
    return decrypt(nonce, ciphertextAndTag, 0, ciphertextAndTag.length, associatedData);
  }

  /**
   * Decrypts {@code length} bytes of ciphertext ‖ tag starting at {@code offset}.
   *
   * @throws IntegrityException when the input is shorter than a tag, or was changed, or was made
   *     with another nonce, backing key or associated data
   */
  public byte[] decrypt(
      MessageNonce nonce, byte[] input, int offset, int length, byte[] associatedData) {
    if (length < TAG_LENGTH || offset < 0 || input.length - offset < length) {
      throw new IntegrityException();
    }
    Cipher cipher = CIPHER.get();
    byte[] keyAndIv = derive(nonce);
    try {
      init(cipher, Cipher.DECRYPT_MODE, keyAndIv);
      cipher.updateAAD(associatedData);
      return cipher.doFinal(input, offset, length);
    } catch (AEADBadTagException e) {
      throw new IntegrityException();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("AES-GCM decryption failed", e);
    } finally {
      Arrays.fill(keyAndIv, (byte) 0);
    }
  }

  /** Overwrites the held backing key; later calls fail. */
  @Override
  public void close() {
    backingKey.destroy();
  }

  @Override
  public String toString() {
    return "DerivedKeyAead[AES-256-GCM, HKDF-SHA256]";
  }

  private byte[] derive(MessageNonce nonce) {
    byte[] ikm = backingKey.revealCopy();
    try {
      return HkdfSha256.derive(
          nonce.bytesForDerivation(), ikm, INFO, GCM_KEY_LENGTH + GCM_IV_LENGTH);
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }

  private static void init(Cipher cipher, int mode, byte[] keyAndIv) throws GeneralSecurityException {
    cipher.init(
        mode,
        new SecretKeySpec(keyAndIv, 0, GCM_KEY_LENGTH, "AES"),
        new GCMParameterSpec(TAG_LENGTH * 8, keyAndIv, GCM_KEY_LENGTH, GCM_IV_LENGTH));
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new CryptoException("AES/GCM/NoPadding is not available", e);
    }
  }
}
