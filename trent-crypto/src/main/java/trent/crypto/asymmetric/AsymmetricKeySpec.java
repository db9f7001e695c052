package trent.crypto.asymmetric;

import static trent.crypto.asymmetric.SigningAlgorithm.ECDSA_SHA_256;
import static trent.crypto.asymmetric.SigningAlgorithm.ECDSA_SHA_384;
import static trent.crypto.asymmetric.SigningAlgorithm.ECDSA_SHA_512;
import static trent.crypto.asymmetric.SigningAlgorithm.ED25519_PH_SHA_512;
import static trent.crypto.asymmetric.SigningAlgorithm.ED25519_SHA_512;
import static trent.crypto.asymmetric.SigningAlgorithm.ML_DSA_SHAKE_256;
import static trent.crypto.asymmetric.SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256;
import static trent.crypto.asymmetric.SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384;
import static trent.crypto.asymmetric.SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512;
import static trent.crypto.asymmetric.SigningAlgorithm.RSASSA_PSS_SHA_256;
import static trent.crypto.asymmetric.SigningAlgorithm.RSASSA_PSS_SHA_384;
import static trent.crypto.asymmetric.SigningAlgorithm.RSASSA_PSS_SHA_512;
import static trent.crypto.asymmetric.SigningAlgorithm.SM2DSA;

import java.util.List;

/**
 * The asymmetric KMS key specs, each with its parameters and the algorithms KMS allows with it.
 *
 * <p>The algorithm lists are per capability; which of them a key offers depends on its KeyUsage,
 * which this layer does not know (an RSA key made for SIGN_VERIFY lists only its signing
 * algorithms). Lists are in the order AWS's DescribeKey shows them. The ECDSA algorithm is tied to
 * the curve as AWS requires: P-256 and secp256k1 → ECDSA_SHA_256, P-384 → ECDSA_SHA_384, P-521 →
 * ECDSA_SHA_512. Key agreement (ECDH) exists for the NIST prime curves and SM2, not for secp256k1
 * or Ed25519.
 */
public enum AsymmetricKeySpec {
  RSA_2048(Family.RSA, 2048, null, null, rsaSigning(), rsaEncryption(), List.of()),
  RSA_3072(Family.RSA, 3072, null, null, rsaSigning(), rsaEncryption(), List.of()),
  RSA_4096(Family.RSA, 4096, null, null, rsaSigning(), rsaEncryption(), List.of()),
  ECC_NIST_P256(Family.EC_NIST, 256, "secp256r1", "1.2.840.10045.3.1.7",
      List.of(ECDSA_SHA_256), List.of(), List.of(KeyAgreementAlgorithm.ECDH)),
  ECC_NIST_P384(Family.EC_NIST, 384, "secp384r1", "1.3.132.0.34",
      List.of(ECDSA_SHA_384), List.of(), List.of(KeyAgreementAlgorithm.ECDH)),
  ECC_NIST_P521(Family.EC_NIST, 521, "secp521r1", "1.3.132.0.35",
      List.of(ECDSA_SHA_512), List.of(), List.of(KeyAgreementAlgorithm.ECDH)),
  ECC_SECG_P256K1(Family.EC_BC, 256, "secp256k1", "1.3.132.0.10",
      List.of(ECDSA_SHA_256), List.of(), List.of()),
  ECC_NIST_EDWARDS25519(Family.ED25519, 255, "Ed25519", "1.3.101.112",
      List.of(ED25519_SHA_512, ED25519_PH_SHA_512), List.of(), List.of()),
  SM2(Family.SM2, 256, "sm2p256v1", "1.2.156.10197.1.301",
      List.of(SM2DSA), List.of(EncryptionAlgorithm.SM2PKE), List.of(KeyAgreementAlgorithm.ECDH)),
  ML_DSA_44(Family.ML_DSA, 44, "ML-DSA-44", "2.16.840.1.101.3.4.3.17",
      List.of(ML_DSA_SHAKE_256), List.of(), List.of()),
  ML_DSA_65(Family.ML_DSA, 65, "ML-DSA-65", "2.16.840.1.101.3.4.3.18",
      List.of(ML_DSA_SHAKE_256), List.of(), List.of()),
  ML_DSA_87(Family.ML_DSA, 87, "ML-DSA-87", "2.16.840.1.101.3.4.3.19",
      List.of(ML_DSA_SHAKE_256), List.of(), List.of());

  /** How keys of a spec are made and used; decides the provider. */
  enum Family {
    /** JDK SunRsaSign / SunJCE. */
    RSA,
    /** JDK SunEC. */
    EC_NIST,
    /** BouncyCastle: an EC curve JDK 17 no longer offers (secp256k1). */
    EC_BC,
    /** JDK SunEC (EdDSA). */
    ED25519,
    /** BouncyCastle (SM2 curve, SM2 signature and encryption, SM3). */
    SM2,
    /** BouncyCastle (FIPS 204). */
    ML_DSA
  }

  private final Family family;
  private final int size;
  private final String parameterName;
  private final String oid;
  private final List<SigningAlgorithm> signingAlgorithms;
  private final List<EncryptionAlgorithm> encryptionAlgorithms;
  private final List<KeyAgreementAlgorithm> keyAgreementAlgorithms;

  AsymmetricKeySpec(
      Family family,
      int size,
      String parameterName,
      String oid,
      List<SigningAlgorithm> signing,
      List<EncryptionAlgorithm> encryption,
      List<KeyAgreementAlgorithm> keyAgreement) {
    this.family = family;
    this.size = size;
    this.parameterName = parameterName;
    this.oid = oid;
    this.signingAlgorithms = signing;
    this.encryptionAlgorithms = encryption;
    this.keyAgreementAlgorithms = keyAgreement;
  }

  private static List<SigningAlgorithm> rsaSigning() {
    return List.of(
        RSASSA_PKCS1_V1_5_SHA_256, RSASSA_PKCS1_V1_5_SHA_384, RSASSA_PKCS1_V1_5_SHA_512,
        RSASSA_PSS_SHA_256, RSASSA_PSS_SHA_384, RSASSA_PSS_SHA_512);
  }

  private static List<EncryptionAlgorithm> rsaEncryption() {
    return List.of(EncryptionAlgorithm.RSAES_OAEP_SHA_1, EncryptionAlgorithm.RSAES_OAEP_SHA_256);
  }

  /** Signing algorithms for a SIGN_VERIFY key of this spec; empty if it cannot sign. */
  public List<SigningAlgorithm> signingAlgorithms() {
    return signingAlgorithms;
  }

  /** Encryption algorithms for an ENCRYPT_DECRYPT key of this spec; empty if it cannot encrypt. */
  public List<EncryptionAlgorithm> encryptionAlgorithms() {
    return encryptionAlgorithms;
  }

  /** Key agreement algorithms for a KEY_AGREEMENT key of this spec; empty if it has none. */
  public List<KeyAgreementAlgorithm> keyAgreementAlgorithms() {
    return keyAgreementAlgorithms;
  }

  public boolean supportsSigning() {
    return !signingAlgorithms.isEmpty();
  }

  public boolean supportsEncryption() {
    return !encryptionAlgorithms.isEmpty();
  }

  public boolean supportsKeyAgreement() {
    return !keyAgreementAlgorithms.isEmpty();
  }

  /** The RSA modulus length in bits. */
  public int rsaModulusBits() {
    if (family != Family.RSA) {
      throw new IllegalStateException(name() + " is not an RSA key spec");
    }
    return size;
  }

  /** The KMS spec for a KeySpec name ({@code "RSA_2048"}, ...), or empty if it is not asymmetric. */
  public static java.util.Optional<AsymmetricKeySpec> fromKmsName(String name) {
    for (AsymmetricKeySpec s : values()) {
      if (s.name().equals(name)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }

  void requireSigning(SigningAlgorithm algorithm) {
    if (!signingAlgorithms.contains(algorithm)) {
      throw new AlgorithmNotSupportedException(
          "signing algorithm " + algorithm + " is not valid for key spec " + name()
              + "; valid: " + signingAlgorithms);
    }
  }

  void requireEncryption(EncryptionAlgorithm algorithm) {
    if (!encryptionAlgorithms.contains(algorithm)) {
      throw new AlgorithmNotSupportedException(
          "encryption algorithm " + algorithm + " is not valid for key spec " + name()
              + "; valid: " + encryptionAlgorithms);
    }
  }

  void requireKeyAgreement(KeyAgreementAlgorithm algorithm) {
    if (!keyAgreementAlgorithms.contains(algorithm)) {
      throw new AlgorithmNotSupportedException(
          "key agreement algorithm " + algorithm + " is not valid for key spec " + name()
              + "; valid: " + keyAgreementAlgorithms);
    }
  }

  Family family() {
    return family;
  }

  /** JCA name of the curve or parameter set; null for RSA. */
  String parameterName() {
    return parameterName;
  }

  /**
   * The OID that identifies this spec in SubjectPublicKeyInfo / PKCS#8: the named-curve OID for
   * EC and SM2 (algorithm id-ecPublicKey), the algorithm OID for Ed25519 and ML-DSA; null for RSA.
   */
  String oid() {
    return oid;
  }
}
