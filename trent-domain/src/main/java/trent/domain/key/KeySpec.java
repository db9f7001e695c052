package trent.domain.key;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The type of a KMS key, with the key usages AWS allows for it and the algorithms DescribeKey
 * lists. {@link #implemented()} tells whether this server can create such keys yet.
 */
public enum KeySpec {
  RSA_2048(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY)),
  RSA_3072(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY)),
  RSA_4096(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY)),
  ECC_NIST_P256(EnumSet.of(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT)),
  ECC_NIST_P384(EnumSet.of(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT)),
  ECC_NIST_P521(EnumSet.of(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT)),
  ECC_SECG_P256K1(EnumSet.of(KeyUsage.SIGN_VERIFY)),
  SYMMETRIC_DEFAULT(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT)),
  HMAC_224(EnumSet.of(KeyUsage.GENERATE_VERIFY_MAC)),
  HMAC_256(EnumSet.of(KeyUsage.GENERATE_VERIFY_MAC)),
  HMAC_384(EnumSet.of(KeyUsage.GENERATE_VERIFY_MAC)),
  HMAC_512(EnumSet.of(KeyUsage.GENERATE_VERIFY_MAC)),
  SM2(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT)),
  ML_DSA_44(EnumSet.of(KeyUsage.SIGN_VERIFY)),
  ML_DSA_65(EnumSet.of(KeyUsage.SIGN_VERIFY)),
  ML_DSA_87(EnumSet.of(KeyUsage.SIGN_VERIFY)),
  ECC_NIST_EDWARDS25519(EnumSet.of(KeyUsage.SIGN_VERIFY));

  private final Set<KeyUsage> usages;

  KeySpec(Set<KeyUsage> usages) {
    this.usages = usages;
  }

  public boolean allows(KeyUsage usage) {
    return usages.contains(usage);
  }

  /** Whether this server creates keys of this spec (the others come with later work). */
  public boolean implemented() {
    return this == SYMMETRIC_DEFAULT;
  }

  /**
   * The deprecated CustomerMasterKeySpec value AWS still reports beside KeySpec; null for specs
   * that postdate it (ML-DSA, Ed25519), which AWS reports without it.
   */
  public String customerMasterKeySpec() {
    switch (this) {
      case ML_DSA_44:
      case ML_DSA_65:
      case ML_DSA_87:
      case ECC_NIST_EDWARDS25519:
        return null;
      default:
        return name();
    }
  }

  /** The EncryptionAlgorithms DescribeKey lists for a key of this spec and usage. */
  public List<String> encryptionAlgorithms(KeyUsage usage) {
    if (usage != KeyUsage.ENCRYPT_DECRYPT) {
      return List.of();
    }
    if (this == SYMMETRIC_DEFAULT) {
      return List.of("SYMMETRIC_DEFAULT");
    }
    if (this == SM2) {
      return List.of("SM2PKE");
    }
    return List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
  }
}
