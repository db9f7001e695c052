package trent.crypto.keyring;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import trent.crypto.CryptoException;
import trent.crypto.IntegrityException;

/**
 * The wrapped format shared by every root of trust that wraps with AES-256-GCM: the key file and
 * passphrase roots (with the JDK's provider) and the PKCS#11 root (with a cipher and key that live
 * in the HSM).
 *
 * <p>Wrapped format: {@code 0x01} ‖ IV (12) ‖ ciphertext ‖ tag (16). The GCM associated data is
 * the format byte followed by the caller's associated data, so the version cannot be changed
 * without detection.
 *
 * <p>Guarantees: {@link #wrap} draws a fresh random 96-bit IV per call; a key used here must stay
 * far below 2^32 wraps (roots wrap only keyring terms, a handful in their lifetime).
 * {@link #unwrap} checks lengths and the format byte before touching the cipher and fails with
 * {@link IntegrityException} for anything {@link #wrap} did not produce under the same key and
 * associated data; other cipher failures are {@link CryptoException}s naming the root.
 *
 * <p>The cipher passed in must be an {@code AES/GCM/NoPadding} instance (from any provider) used by
 * one thread at a time; it is initialised here on every call.
 */
public final class AesGcmWrapping {

  /** The format byte of wrapped values. */
  public static final byte FORMAT_VERSION = 1;

  static final int IV_LENGTH = 12;
  static final int TAG_LENGTH = 16;
  /** Bytes a wrapped value adds to its plaintext. */
  public static final int OVERHEAD = 1 + IV_LENGTH + TAG_LENGTH;

  private AesGcmWrapping() {}

  /**
   * Encrypts {@code plaintext} under {@code key} with a random IV from {@code random}.
   *
   * @param what names the root in error messages, e.g. {@code "root of trust"}
   * @throws CryptoException when the cipher refuses the key or fails
   */
  public static byte[] wrap(
      Cipher cipher, Key key, SecureRandom random, byte[] plaintext, byte[] associatedData,
      String what) {
    byte[] iv = new byte[IV_LENGTH];
    random.nextBytes(iv);
    byte[] header = {FORMAT_VERSION};
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
      cipher.updateAAD(header);
      cipher.updateAAD(associatedData);
      byte[] sealed = cipher.doFinal(plaintext);
      if (sealed.length != plaintext.length + TAG_LENGTH) {
        throw new CryptoException(what + ": AES-GCM returned " + sealed.length + " bytes for "
            + plaintext.length + "; expected ciphertext and a 16-byte tag");
      }
      byte[] out = new byte[1 + IV_LENGTH + sealed.length];
      out[0] = FORMAT_VERSION;
      System.arraycopy(iv, 0, out, 1, IV_LENGTH);
      System.arraycopy(sealed, 0, out, 1 + IV_LENGTH, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new CryptoException(what + ": AES-GCM wrap failed: " + e, e);
    }
  }

  /**
   * Decrypts a value made by {@link #wrap} under the same key and associated data.
   *
   * @throws IntegrityException on any mismatch: other key or associated data, changed, truncated
   *     or extended bytes, unknown format
   * @throws CryptoException when the cipher fails for another reason (e.g. a closed root)
   */
  public static byte[] unwrap(
      Cipher cipher, Key key, byte[] wrapped, byte[] associatedData, String what) {
    if (wrapped.length < OVERHEAD || wrapped[0] != FORMAT_VERSION) {
      throw new IntegrityException();
    }
    try {
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, wrapped, 1, IV_LENGTH));
      cipher.updateAAD(wrapped, 0, 1);
      cipher.updateAAD(associatedData);
      return cipher.doFinal(wrapped, 1 + IV_LENGTH, wrapped.length - 1 - IV_LENGTH);
    } catch (AEADBadTagException e) {
      throw new IntegrityException();
    } catch (GeneralSecurityException e) {
      throw new CryptoException(what + ": AES-GCM unwrap failed: " + e, e);
    }
  }
}
