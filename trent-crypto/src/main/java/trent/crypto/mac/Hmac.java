package trent.crypto.mac;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import trent.crypto.CryptoException;

/**
 * GenerateMac and VerifyMac: HMAC with the JDK's SunJCE provider.
 *
 * <p>Guarantees: the algorithm must be the one of the key's spec
 * ({@link IllegalArgumentException} otherwise, before any MAC is computed). {@link #verifyMac}
 * recomputes the MAC and compares it with {@link MessageDigest#isEqual}, whose time does not depend
 * on where the first difference is; a MAC of any other length (including a truncated one) is
 * rejected. Thread-safe: each thread reuses its own {@link Mac} per algorithm. The key bytes copied
 * out for the JCA are overwritten after use (best effort: {@link SecretKeySpec} keeps its own copy).
 */
public final class Hmac {

  /** The longest message GenerateMac and VerifyMac accept (Message is 1..4096 bytes). */
  public static final int MAX_MESSAGE_LENGTH = 4096;

  private static final ThreadLocal<Map<MacAlgorithm, Mac>> MACS =
      ThreadLocal.withInitial(() -> new EnumMap<>(MacAlgorithm.class));

  private Hmac() {}

  /** The MAC of {@code message} under {@code key}. */
  public static byte[] generateMac(HmacKey key, MacAlgorithm algorithm, byte[] message) {
    check(key, algorithm);
    Mac mac = mac(algorithm);
    byte[] material = key.materialForMac();
    try {
      mac.init(new SecretKeySpec(material, algorithm.jcaName()));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new CryptoException(algorithm + " failed", e);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** Whether {@code macToVerify} is the MAC of {@code message} under {@code key}. */
  public static boolean verifyMac(
      HmacKey key, MacAlgorithm algorithm, byte[] message, byte[] macToVerify) {
    byte[] expected = generateMac(key, algorithm, message);
    return MessageDigest.isEqual(expected, macToVerify);
  }

  private static void check(HmacKey key, MacAlgorithm algorithm) {
    if (key.spec().macAlgorithm() != algorithm) {
      throw new IllegalArgumentException(
          "MAC algorithm " + algorithm + " is not valid for key spec " + key.spec()
              + "; valid: [" + key.spec().macAlgorithm() + "]");
    }
  }

  private static Mac mac(MacAlgorithm algorithm) {
    return MACS.get()
        .computeIfAbsent(
            algorithm,
            a -> {
              try {
                return Mac.getInstance(a.jcaName());
              } catch (GeneralSecurityException e) {
                throw new CryptoException(a.jcaName() + " is not available", e);
              }
            });
  }
}
