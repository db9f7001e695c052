package trent.domain.key;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trent.crypto.asymmetric.AsymmetricKeySpec;
import trent.crypto.mac.HmacKeySpec;

/**
 * The type of a KMS key, with the key usages AWS allows for it and the algorithms DescribeKey
 * lists. Every spec of the model is implemented: the asymmetric ones by
 * {@link AsymmetricKeySpec}, the HMAC ones by {@link HmacKeySpec}.
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

  /** The crypto layer's spec for an asymmetric key spec; empty for symmetric and HMAC specs. */
  public Optional<AsymmetricKeySpec> asymmetric() {
    return AsymmetricKeySpec.fromKmsName(name());
  }

  /** The crypto layer's spec for an HMAC key spec; empty for the others. */
  public Optional<HmacKeySpec> hmac() {
    for (HmacKeySpec s : HmacKeySpec.values()) {
      if (s.name().equals(name())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
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

  /**
   * The SigningAlgorithms DescribeKey and GetPublicKey list for a key of this spec and usage, in
   * AWS's order (LocalStack snapshot test_import_key_asymmetric: ECC_NIST_P256 lists
   * [ECDSA_SHA_256]).
   */
  public List<String> signingAlgorithms(KeyUsage usage) {
    if (usage != KeyUsage.SIGN_VERIFY) {
      return List.of();
    }
    return asymmetric().map(a -> a.signingAlgorithms().stream().map(Enum::name).toList()).orElse(List.of());
  }

  /** The KeyAgreementAlgorithms listed for a key of this spec and usage: [ECDH] for KEY_AGREEMENT. */
  public List<String> keyAgreementAlgorithms(KeyUsage usage) {
    if (usage != KeyUsage.KEY_AGREEMENT) {
      return List.of();
    }
    return asymmetric().map(a -> a.keyAgreementAlgorithms().stream().map(Enum::name).toList()).orElse(List.of());
  }

  /**
   * The MacAlgorithms listed for an HMAC key: its one algorithm (LocalStack snapshot
   * test_hmac_create_key: HMAC_256 lists [HMAC_SHA_256]).
   */
  public List<String> macAlgorithms(KeyUsage usage) {
    if (usage != KeyUsage.GENERATE_VERIFY_MAC) {
      return List.of();
    }
    return hmac().map(h -> List.of(h.macAlgorithm().name())).orElse(List.of());
  }
}
