package trent.domain.key;

/** What a key may be used for. */
public enum KeyUsage {
  SIGN_VERIFY,
  ENCRYPT_DECRYPT,
  GENERATE_VERIFY_MAC,
  KEY_AGREEMENT
}
