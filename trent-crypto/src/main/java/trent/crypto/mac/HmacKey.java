package trent.crypto.mac;

import java.security.SecureRandom;
import trent.crypto.SecretBytes;

/**
 * An HMAC KMS key: its spec and its key material.
 *
 * <p>Guarantees: made only by {@link #generate} (exactly {@link HmacKeySpec#keyLength()} random
 * bytes) or {@link #fromKeyMaterial} (length checked against the spec); the material leaves only
 * through {@link #revealKeyMaterial()}; no {@code toString} content, {@code equals} or
 * {@code hashCode}. Thread-safe.
 */
public final class HmacKey {
  private final HmacKeySpec spec;
  private final SecretBytes material;

  private HmacKey(HmacKeySpec spec, SecretBytes material) {
    this.spec = spec;
    this.material = material;
  }

  /** Fresh key material of the spec's length. */
  public static HmacKey generate(HmacKeySpec spec, SecureRandom random) {
    return new HmacKey(spec, SecretBytes.random(spec.keyLength(), random));
  }

  /**
   * A key from stored or imported material; takes a copy, the caller keeps ownership.
   *
   * @throws IllegalArgumentException when the length is outside
   *     {@link HmacKeySpec#keyLength()}..{@link HmacKeySpec#maxImportedKeyLength()}
   */
  public static HmacKey fromKeyMaterial(HmacKeySpec spec, SecretBytes material) {
    if (material.length() < spec.keyLength() || material.length() > spec.maxImportedKeyLength()) {
      throw new IllegalArgumentException(
          spec + " key material must be " + spec.keyLength() + ".." + spec.maxImportedKeyLength()
              + " bytes");
    }
    return new HmacKey(spec, SecretBytes.adopt(material.revealCopy()));
  }

  public HmacKeySpec spec() {
    return spec;
  }

  /** The key material (a copy) for storage. The caller owns it. */
  public SecretBytes revealKeyMaterial() {
    return SecretBytes.adopt(material.revealCopy());
  }

  byte[] materialForMac() {
    return material.revealCopy();
  }

  /** Overwrites the held key material; later use fails. */
  public void destroy() {
    material.destroy();
  }

  @Override
  public String toString() {
    return "HmacKey[" + spec + "]";
  }
}
