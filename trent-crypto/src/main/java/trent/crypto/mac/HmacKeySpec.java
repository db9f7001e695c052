package trent.crypto.mac;

/**
 * The KMS HMAC key specs. Each supports exactly one MAC algorithm, and KMS generates key material
 * of the spec's size (HMAC_224: 224 bits, ..., HMAC_512: 512 bits; AWS developer guide, HMAC key
 * specs).
 *
 * <p>Imported key material may be longer: this type accepts from the spec's size up to the hash's
 * block size (64 bytes for HMAC_224/256, 128 bytes for HMAC_384/512). That is our reading of
 * AWS's rules for importing HMAC key material and should be confirmed against the AWS import guide
 * before ImportKeyMaterial relies on it; longer keys would only be hashed down by HMAC.
 */
public enum HmacKeySpec {
  HMAC_224(MacAlgorithm.HMAC_SHA_224, 28, 64),
  HMAC_256(MacAlgorithm.HMAC_SHA_256, 32, 64),
  HMAC_384(MacAlgorithm.HMAC_SHA_384, 48, 128),
  HMAC_512(MacAlgorithm.HMAC_SHA_512, 64, 128);

  private final MacAlgorithm algorithm;
  private final int keyLength;
  private final int maxImportedKeyLength;

  HmacKeySpec(MacAlgorithm algorithm, int keyLength, int maxImportedKeyLength) {
    this.algorithm = algorithm;
    this.keyLength = keyLength;
    this.maxImportedKeyLength = maxImportedKeyLength;
  }

  /** The one MAC algorithm keys of this spec support. */
  public MacAlgorithm macAlgorithm() {
    return algorithm;
  }

  /** Length in bytes of key material KMS generates for this spec. */
  public int keyLength() {
    return keyLength;
  }

  /** The longest imported key material accepted, in bytes. */
  public int maxImportedKeyLength() {
    return maxImportedKeyLength;
  }
}
