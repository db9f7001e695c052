package trent.it;

import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdDSAParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Verifies Trent's signatures with implementations other than the server's code path: the JDK's
 * providers where they have the algorithm (RSA, NIST ECDSA, Ed25519, Ed25519ph), BouncyCastle in
 * this test JVM where the JDK 17 lacks it (secp256k1, SM2, ML-DSA). Keys come only from
 * GetPublicKey's DER, so the DER itself is tested too.
 */
final class Independent {

  static final Provider BC = new BouncyCastleProvider();

  private Independent() {}

  static PublicKey publicKey(String keySpec, byte[] der) throws Exception {
    return keyFactory(keySpec).generatePublic(new X509EncodedKeySpec(der));
  }

  static PrivateKey privateKey(String keySpec, byte[] pkcs8) throws Exception {
    return keyFactory(keySpec).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  private static KeyFactory keyFactory(String keySpec) throws Exception {
    return jdk(keySpec) ? KeyFactory.getInstance(keyFactoryName(keySpec))
        : KeyFactory.getInstance(keyFactoryName(keySpec), BC);
  }

  /** Whether {@code signature} is a valid signature of the whole {@code message} under {@code algorithm}. */
  static boolean verify(String keySpec, String algorithm, byte[] publicKeyDer, byte[] message, byte[] signature)
      throws Exception {
    Signature verifier = signature(keySpec, algorithm);
    verifier.initVerify(publicKey(keySpec, publicKeyDer));
    verifier.update(algorithm.equals("ED25519_PH_SHA_512") ? sha("SHA-512", message) : message);
    return verifier.verify(signature);
  }

  static Signature signature(String keySpec, String algorithm) throws Exception {
    switch (algorithm) {
      case "RSASSA_PKCS1_V1_5_SHA_256": return Signature.getInstance("SHA256withRSA");
      case "RSASSA_PKCS1_V1_5_SHA_384": return Signature.getInstance("SHA384withRSA");
      case "RSASSA_PKCS1_V1_5_SHA_512": return Signature.getInstance("SHA512withRSA");
      case "RSASSA_PSS_SHA_256": return pss("SHA-256", 32);
      case "RSASSA_PSS_SHA_384": return pss("SHA-384", 48);
      case "RSASSA_PSS_SHA_512": return pss("SHA-512", 64);
      case "ECDSA_SHA_256": return ecdsa("SHA256withECDSA", keySpec);
      case "ECDSA_SHA_384": return ecdsa("SHA384withECDSA", keySpec);
      case "ECDSA_SHA_512": return ecdsa("SHA512withECDSA", keySpec);
      case "ED25519_SHA_512": return Signature.getInstance("Ed25519");
      case "ED25519_PH_SHA_512": {
        Signature s = Signature.getInstance("Ed25519");
        s.setParameter(new EdDSAParameterSpec(true));
        return s;
      }
      case "SM2DSA": return Signature.getInstance("SM3withSM2", BC);
      case "ML_DSA_SHAKE_256": return Signature.getInstance("ML-DSA", BC);
      default: throw new IllegalArgumentException(algorithm);
    }
  }

  private static Signature ecdsa(String name, String keySpec) throws Exception {
    return jdk(keySpec) ? Signature.getInstance(name) : Signature.getInstance(name, BC);
  }

  private static Signature pss(String hash, int saltLength) throws Exception {
    Signature s = Signature.getInstance("RSASSA-PSS");
    s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1));
    return s;
  }

  static byte[] sha(String hash, byte[] message) throws Exception {
    return (hash.equals("SM3") ? MessageDigest.getInstance(hash, BC) : MessageDigest.getInstance(hash)).digest(message);
  }

  /**
   * ML-DSA's external μ of FIPS 204 (Algorithm 7 with an empty context): SHAKE256(tr ‖ 0x00 ‖ 0x00
   * ‖ M, 64), tr = SHAKE256(pk, 64); pk is the raw public key inside the SubjectPublicKeyInfo.
   */
  static byte[] externalMu(byte[] publicKeyDer, byte[] message) {
    byte[] pk = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(publicKeyDer).getPublicKeyData().getOctets();
    byte[] tr = shake(pk);
    SHAKEDigest shake = new SHAKEDigest(256);
    shake.update(tr, 0, tr.length);
    shake.update(new byte[] {0, 0}, 0, 2);
    shake.update(message, 0, message.length);
    byte[] mu = new byte[64];
    shake.doFinal(mu, 0, 64);
    return mu;
  }

  private static byte[] shake(byte[] in) {
    SHAKEDigest shake = new SHAKEDigest(256);
    shake.update(in, 0, in.length);
    byte[] out = new byte[64];
    shake.doFinal(out, 0, 64);
    return out;
  }

  private static String keyFactoryName(String keySpec) {
    if (keySpec.startsWith("RSA")) {
      return "RSA";
    }
    if (keySpec.equals("ECC_NIST_EDWARDS25519")) {
      return "Ed25519";
    }
    if (keySpec.startsWith("ML_DSA")) {
      return "ML-DSA";
    }
    return "EC";
  }

  /** The JDK 17 has RSA, the NIST curves and Ed25519; BouncyCastle the rest. */
  private static boolean jdk(String keySpec) {
    return keySpec.startsWith("RSA") || keySpec.startsWith("ECC_NIST");
  }
}
