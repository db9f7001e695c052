package trent.crypto.asymmetric;

/**
 * The asymmetric KMS encryption algorithms ({@code EncryptionAlgorithmSpec} without
 * {@code SYMMETRIC_DEFAULT}).
 *
 * <p>RSAES_OAEP_SHA_1 and RSAES_OAEP_SHA_256 are RSAES-OAEP (RFC 8017 §7.1) with the named hash
 * used both for the label hash and in MGF1, and an empty label. Plaintext limits are AWS's
 * (Encrypt, API reference): {@code k - 2·hLen - 2} bytes for a k-byte modulus, so 214/190 bytes for
 * RSA_2048, 342/318 for RSA_3072, 470/446 for RSA_4096; SM2PKE takes up to 1024 bytes.
 */
public enum EncryptionAlgorithm {
  RSAES_OAEP_SHA_1("SHA-1", 20),
  RSAES_OAEP_SHA_256("SHA-256", 32),
  SM2PKE("SM3", 32);

  /** The longest plaintext KMS encrypts with SM2PKE (Encrypt, API reference). */
  public static final int SM2PKE_MAX_PLAINTEXT_LENGTH = 1024;

  private final String hash;
  private final int hashLength;

  EncryptionAlgorithm(String hash, int hashLength) {
    this.hash = hash;
    this.hashLength = hashLength;
  }

  /** The JCA name of the hash (OAEP's hash and MGF1 hash; SM2's SM3). */
  public String hash() {
    return hash;
  }

  /**
   * The longest plaintext this algorithm encrypts under a key of {@code spec}.
   *
   * @throws AlgorithmNotSupportedException when {@code spec} does not support this algorithm
   */
  public int maxPlaintextLength(AsymmetricKeySpec spec) {
    spec.requireEncryption(this);
    if (this == SM2PKE) {
      return SM2PKE_MAX_PLAINTEXT_LENGTH;
    }
    return spec.rsaModulusBits() / 8 - 2 * hashLength - 2;
  }
}
