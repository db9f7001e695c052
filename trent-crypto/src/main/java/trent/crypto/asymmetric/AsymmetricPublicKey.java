package trent.crypto.asymmetric;

import java.security.PublicKey;

/**
 * The public half of an asymmetric KMS key, bound to its key spec.
 *
 * <p>Guarantees: an instance exists only for a key that matches its spec: an RSA modulus of the
 * spec's size, or a finite point on the spec's named curve (explicit curve parameters and points
 * off the curve are refused), or an Ed25519 / ML-DSA key of the spec's parameter set. Its encoding
 * is DER SubjectPublicKeyInfo (RFC 5280; RFC 8410 for Ed25519; FIPS 204 OIDs for ML-DSA), which is
 * what GetPublicKey returns. Immutable and thread-safe. Public keys are not secret.
 */
public final class AsymmetricPublicKey {
  private final AsymmetricKeySpec spec;
  private final PublicKey key;
  private final byte[] subjectPublicKeyInfo;

  AsymmetricPublicKey(AsymmetricKeySpec spec, PublicKey key) {
    this.spec = spec;
    this.key = key;
    this.subjectPublicKeyInfo = key.getEncoded();
  }

  /**
   * Reads a DER SubjectPublicKeyInfo as a key of {@code spec}: a peer key for DeriveSharedSecret, or
   * a stored public key.
   *
   * @throws InvalidInputException when the bytes are not DER, name another algorithm or curve, or
   *     (EC) hold a point that is not on the curve
   */
  public static AsymmetricPublicKey fromSubjectPublicKeyInfo(AsymmetricKeySpec spec, byte[] der) {
    return new AsymmetricPublicKey(spec, KeyCodec.parsePublicKey(spec, der.clone()));
  }

  public AsymmetricKeySpec spec() {
    return spec;
  }

  /** The DER SubjectPublicKeyInfo (a copy). */
  public byte[] subjectPublicKeyInfo() {
    return subjectPublicKeyInfo.clone();
  }

  PublicKey jcaKey() {
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AsymmetricPublicKey
        && ((AsymmetricPublicKey) o).spec == spec
        && java.util.Arrays.equals(((AsymmetricPublicKey) o).subjectPublicKeyInfo, subjectPublicKeyInfo);
  }

  @Override
  public int hashCode() {
    return spec.hashCode() * 31 + java.util.Arrays.hashCode(subjectPublicKeyInfo);
  }

  @Override
  public String toString() {
    return "AsymmetricPublicKey[" + spec + "]";
  }
}
