package trent.crypto.mac;

/**
 * The KMS MAC algorithms ({@code MacAlgorithmSpec}): HMAC (RFC 2104) with a SHA-2 hash. The MAC
 * is the full hash output; KMS does not truncate.
 */
public enum MacAlgorithm {
  HMAC_SHA_224("HmacSHA224", 28),
  HMAC_SHA_256("HmacSHA256", 32),
  HMAC_SHA_384("HmacSHA384", 48),
  HMAC_SHA_512("HmacSHA512", 64);

  private final String jcaName;
  private final int macLength;

  MacAlgorithm(String jcaName, int macLength) {
    this.jcaName = jcaName;
    this.macLength = macLength;
  }

  /** Length of the MAC in bytes. */
  public int macLength() {
    return macLength;
  }

  String jcaName() {
    return jcaName;
  }
}
