package trent.domain.envelope;

/** Texts of the XKS proxy API specification's error table that this package answers with. */
final class XksErrorsText {

  private XksErrorsText() {}

  /** "Proxy returns an invalid ciphertext": what the proxy decrypted does not open. */
  static final String INVALID_CIPHERTEXT_RETURNED = "The ciphertext that the external key store proxy submitted"
      + " for decryption, or the encryption context, is corrupted, missing, or otherwise invalid.";
}
