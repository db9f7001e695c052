package trent.crypto.keyring;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import trent.crypto.CryptoException;
import trent.crypto.SecretBytes;

/**
 * A 256-bit root key held in memory, as the key file and passphrase roots hold theirs: wraps and
 * unwraps in the {@link AesGcmWrapping} format with the JDK's AES-GCM, and names itself by a
 * one-way fingerprint. {@link #destroy()} overwrites the key (best effort); later use fails with
 * {@link IllegalStateException}.
 */
final class RootKey {

  static final int LENGTH = 32;
  private static final String WHAT = "root of trust";

  private final SecretBytes key;
  private final SecureRandom random;

  /** Takes ownership of {@code key}, which must be {@link #LENGTH} bytes. */
  RootKey(SecretBytes key, SecureRandom random) {
    if (key.length() != LENGTH) {
      throw new IllegalArgumentException("a root key is " + LENGTH + " bytes, not " + key.length());
    }
    this.key = key;
    this.random = random;
  }

  // Root-of-trust calls are rare (opening the keyring, rotating the root), so a Cipher per call
  // is fine here, unlike on the request path.
  byte[] wrap(byte[] plaintext, byte[] associatedData) {
    return AesGcmWrapping.wrap(cipher(), aesKey(), random, plaintext, associatedData, WHAT);
  }

  byte[] unwrap(byte[] wrapped, byte[] associatedData) {
    return AesGcmWrapping.unwrap(cipher(), aesKey(), wrapped, associatedData, WHAT);
  }

  /** {@code prefix:} and 32 hex digits of HMAC-SHA256(key, "trent root id"): names, reveals nothing. */
  String fingerprint(String prefix) {
    byte[] k = key.revealCopy();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(k, "HmacSHA256"));
      byte[] tag = mac.doFinal("trent root id".getBytes(StandardCharsets.US_ASCII));
      return prefix + ":" + HexFormat.of().formatHex(tag, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("HmacSHA256 is not available", e);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  void destroy() {
    key.destroy();
  }

  private SecretKeySpec aesKey() {
    byte[] k = key.revealCopy();
    try {
      return new SecretKeySpec(k, "AES"); // copies; the JDK's copy is beyond our reach
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  private static Cipher cipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new CryptoException("AES/GCM/NoPadding is not available", e);
    }
  }
}
