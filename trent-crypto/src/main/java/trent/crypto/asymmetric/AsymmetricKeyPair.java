package trent.crypto.asymmetric;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import trent.crypto.CryptoException;
import trent.crypto.SecretBytes;

/**
 * An asymmetric KMS key pair: the private key and its public key, bound to one key spec.
 *
 * <p>Guarantees: made only by {@link #generate} or {@link #fromPkcs8}, so the private key always
 * matches the spec and the public key is always the one computed from the private key (never taken
 * on trust from an encoding). The private key leaves only through {@link #revealPkcs8()}, as
 * {@link SecretBytes}; {@link #toString()} shows only the spec; there is no {@code equals} or
 * {@code hashCode}. Immutable and thread-safe. The JCA key objects inside hold copies of the key
 * that this class cannot erase; keep instances no longer than needed.
 *
 * <p>Providers: RSA, NIST curves and Ed25519 come from the JDK (SunRsaSign, SunEC); secp256k1, SM2
 * and ML-DSA from BouncyCastle, which JDK 17 lacks. RSA public exponent is 65537.
 */
public final class AsymmetricKeyPair {
  private final AsymmetricKeySpec spec;
  private final PrivateKey privateKey;
  private final AsymmetricPublicKey publicKey;

  private AsymmetricKeyPair(AsymmetricKeySpec spec, PrivateKey privateKey) {
    this.spec = spec;
    this.privateKey = privateKey;
    this.publicKey = new AsymmetricPublicKey(spec, KeyCodec.derivePublicKey(spec, privateKey));
  }

  /**
   * A fresh key pair of {@code spec}. RSA-4096 takes on the order of a second or more: callers on
   * I/O threads should hand this to a worker.
   */
  public static AsymmetricKeyPair generate(AsymmetricKeySpec spec, SecureRandom random) {
    try {
      KeyPairGenerator generator;
      switch (spec.family()) {
        case RSA:
          generator = KeyPairGenerator.getInstance("RSA");
          generator.initialize(
              new RSAKeyGenParameterSpec(spec.rsaModulusBits(), RSAKeyGenParameterSpec.F4), random);
          break;
        case EC_NIST:
          generator = KeyPairGenerator.getInstance("EC");
          generator.initialize(new ECGenParameterSpec(spec.parameterName()), random);
          break;
        case EC_BC:
        case SM2:
          generator = KeyPairGenerator.getInstance("EC", Providers.BC);
          generator.initialize(new ECGenParameterSpec(spec.parameterName()), random);
          break;
        case ED25519:
          generator = KeyPairGenerator.getInstance("Ed25519");
          generator.initialize(255, random);
          break;
        case ML_DSA:
          generator = KeyPairGenerator.getInstance(spec.parameterName(), Providers.BC);
          generator.initialize(
              org.bouncycastle.jcajce.spec.MLDSAParameterSpec.fromName(spec.parameterName()), random);
          break;
        default:
          throw new AssertionError(spec);
      }
      KeyPair pair = generator.generateKeyPair();
      return new AsymmetricKeyPair(spec, pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot generate a " + spec + " key pair", e);
    }
  }

  /**
   * Re-loads a key pair from its PKCS#8 DER encoding (as {@link #revealPkcs8()} made it, or as
   * another implementation wrote it). The caller keeps ownership of {@code pkcs8}.
   *
   * @throws InvalidInputException when the encoding is not PKCS#8 or is not a key of {@code spec}
   */
  public static AsymmetricKeyPair fromPkcs8(AsymmetricKeySpec spec, SecretBytes pkcs8) {
    byte[] der = pkcs8.revealCopy();
    try {
      return new AsymmetricKeyPair(spec, KeyCodec.parsePrivateKey(spec, der));
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  public AsymmetricKeySpec spec() {
    return spec;
  }

  public AsymmetricPublicKey publicKey() {
    return publicKey;
  }

  /**
   * The private key as PKCS#8 DER (RFC 5208 / RFC 5958): what storage wraps, and what
   * GenerateDataKeyPair returns as PrivateKeyPlaintext. The caller owns the result and should
   * destroy it when done.
   */
  public SecretBytes revealPkcs8() {
    return SecretBytes.adopt(privateKey.getEncoded());
  }

  PrivateKey jcaPrivateKey() {
    return privateKey;
  }

  @Override
  public String toString() {
    return "AsymmetricKeyPair[" + spec + "]";
  }
}
