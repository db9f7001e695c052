package trent.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), built on the JDK's {@code HmacSHA256} because Java 17 has no
 * HKDF API.
 *
 * <p>Security guarantees: as RFC 5869 states them for HMAC-SHA256. With input keying material of
 * at least 256 bits of entropy, distinct {@code (salt, info)} pairs give independent-looking
 * outputs. Nothing here is secret-dependent in its control flow beyond the lengths.
 *
 * <p>Thread-safe: each thread uses its own {@link Mac} instance, because {@code Mac.getInstance}
 * costs more than the HMACs themselves. Intermediate keys (the PRK) are overwritten when done;
 * the JDK's {@link SecretKeySpec} keeps its own copy, so clearing is best effort.
 */
public final class HkdfSha256 {

  /** Output length of HMAC-SHA256 in bytes. */
  public static final int HASH_LENGTH = 32;

  /** The longest output RFC 5869 allows: 255 blocks. */
  public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

  private static final String ALGORITHM = "HmacSHA256";

  private static final ThreadLocal<Mac> MAC =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance(ALGORITHM);
            } catch (GeneralSecurityException e) {
              throw new CryptoException("HmacSHA256 is not available", e);
            }
          });

  private HkdfSha256() {}

  /**
   * HKDF-Extract: {@code PRK = HMAC-SHA256(salt, ikm)}. An empty salt means {@link #HASH_LENGTH}
   * zero bytes, as RFC 5869 §2.2 specifies.
   */
  public static byte[] extract(byte[] salt, byte[] inputKeyingMaterial) {
    Mac mac = MAC.get();
    init(mac, salt.length == 0 ? new byte[HASH_LENGTH] : salt);
    return mac.doFinal(inputKeyingMaterial);
  }

  /** HKDF-Expand: {@code length} bytes of output keying material from a pseudorandom key. */
  public static byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
    if (length < 0 || length > MAX_OUTPUT_LENGTH) {
      throw new IllegalArgumentException("HKDF output length must be 0.." + MAX_OUTPUT_LENGTH);
    }
    if (pseudoRandomKey.length < HASH_LENGTH) {
      throw new IllegalArgumentException("HKDF PRK must be at least " + HASH_LENGTH + " bytes");
    }
    Mac mac = MAC.get();
    init(mac, pseudoRandomKey);
    byte[] out = new byte[length];
    byte[] block = new byte[HASH_LENGTH];
    try {
      int produced = 0;
      for (int i = 1; produced < length; i++) {
        if (i > 1) {
          mac.update(block);
        }
        mac.update(info);
        mac.update((byte) i);
        mac.doFinal(block, 0);
        int n = Math.min(HASH_LENGTH, length - produced);
        System.arraycopy(block, 0, out, produced, n);
        produced += n;
      }
      return out;
    } catch (ShortBufferException e) {
      throw new CryptoException("HMAC output buffer too short", e);
    } finally {
      Arrays.fill(block, (byte) 0);
    }
  }

  /** Extract then expand: RFC 5869's full HKDF. */
  public static byte[] derive(byte[] salt, byte[] inputKeyingMaterial, byte[] info, int length) {
    byte[] prk = extract(salt, inputKeyingMaterial);
    try {
      return expand(prk, info, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  private static void init(Mac mac, byte[] key) {
    try {
      mac.init(new SecretKeySpec(key, ALGORITHM));
    } catch (InvalidKeyException e) {
      throw new CryptoException("HMAC-SHA256 rejected its key", e);
    }
  }
}
