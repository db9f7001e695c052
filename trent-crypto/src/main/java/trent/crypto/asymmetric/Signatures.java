package trent.crypto.asymmetric;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.EdDSAParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import trent.crypto.CryptoException;
import trent.crypto.asymmetric.AsymmetricKeySpec.Family;

/**
 * Sign and Verify for every KMS signing algorithm.
 *
 * <p>Guarantees: {@link #sign} and {@link #verify} first check that the algorithm belongs to the
 * key's spec ({@link AlgorithmNotSupportedException} otherwise) and that the input follows AWS's
 * message rules ({@link SigningAlgorithm#checkMessage}); only then is there any cryptography.
 * {@link #verify} never throws for a signature: a wrong, truncated, malformed or non-DER signature
 * gives {@code false}. Signatures are encoded as AWS returns them: RSA as the k-byte integer,
 * ECDSA and SM2 as DER {@code SEQUENCE {r, s}}, Ed25519 as the 64-byte R ‖ S, ML-DSA as FIPS 204's
 * byte string. A signature over RAW input verifies against the DIGEST of the same message and
 * vice versa, as in KMS.
 *
 * <p>Parameters: RSASSA-PSS uses MGF1 with the signature's hash and a salt as long as the hash;
 * ED25519_PH_SHA_512 is Ed25519ph (RFC 8032, empty context) whose message is the 64-byte digest,
 * so the prehash is applied to that digest as KMS does; SM2DSA uses the distinguishing ID
 * {@code 1234567812345678}; ML_DSA_SHAKE_256 is pure ML-DSA (FIPS 204, empty context), hedged.
 *
 * <p>Providers: RSA (RAW), ECDSA on NIST curves, Ed25519 and Ed25519ph from the JDK (SunRsaSign,
 * SunJCE {@code NONEwithRSA} for PKCS #1 v1.5 over a digest, SunEC); BouncyCastle for RSASSA-PSS
 * over a digest (the JDK has no pre-hashed PSS), secp256k1, SM2 and ML-DSA.
 *
 * <p>Thread-safe: each thread reuses its own JDK {@link Signature} objects; BouncyCastle's are made
 * per call.
 */
public final class Signatures {

  private static final ThreadLocal<Map<String, Signature>> CACHE =
      ThreadLocal.withInitial(HashMap::new);

  private Signatures() {}

  /**
   * Signs {@code input} with the private key of {@code key}.
   *
   * @param random the source for randomized schemes (RSASSA-PSS salt, ECDSA and SM2 nonces,
   *     ML-DSA hedging); ignored by deterministic ones (PKCS #1 v1.5, Ed25519)
   * @throws AlgorithmNotSupportedException when the algorithm or message type does not fit
   * @throws InvalidInputException when the input breaks a length rule
   */
  public static byte[] sign(
      AsymmetricKeyPair key, SigningAlgorithm algorithm, SigningInput input, SecureRandom random) {
    check(key.spec(), algorithm, input);
    if (key.spec() == AsymmetricKeySpec.SM2) {
      return Sm2.sign(key.jcaPrivateKey(), input, random);
    }
    Setup setup = setup(key.spec(), algorithm, input.type());
    Signature signature = setup.signature(setupKey(key.spec(), algorithm, input.type()));
    try {
      signature.initSign(key.jcaPrivateKey(), random);
      signature.update(setup.prefix);
      signature.update(input.bytes());
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new CryptoException(algorithm + " signing failed", e);
    }
  }

  /**
   * Whether {@code signature} is a valid signature of {@code input} under {@code key}.
   *
   * @throws AlgorithmNotSupportedException when the algorithm or message type does not fit
   * @throws InvalidInputException when the input breaks a length rule
   */
  public static boolean verify(
      AsymmetricPublicKey key, SigningAlgorithm algorithm, SigningInput input, byte[] signature) {
    check(key.spec(), algorithm, input);
    if (key.spec() == AsymmetricKeySpec.SM2) {
      return Sm2.verify(key.jcaKey(), input, signature);
    }
    if (isEcdsa(algorithm) && !isStrictDerSignature(signature)) {
      return false;
    }
    Setup setup = setup(key.spec(), algorithm, input.type());
    Signature verifier = setup.signature(setupKey(key.spec(), algorithm, input.type()));
    try {
      verifier.initVerify(key.jcaKey());
      verifier.update(setup.prefix);
      verifier.update(input.bytes());
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      // Malformed encodings surface as SignatureException (or, in some providers, as runtime
      // exceptions from their decoders); either way the signature is not valid.
      return false;
    }
  }

  private static boolean isEcdsa(SigningAlgorithm algorithm) {
    return algorithm == SigningAlgorithm.ECDSA_SHA_256
        || algorithm == SigningAlgorithm.ECDSA_SHA_384
        || algorithm == SigningAlgorithm.ECDSA_SHA_512;
  }

  /**
   * Whether {@code signature} is exactly the DER encoding of {@code SEQUENCE {r, s}} with r and s
   * positive. The JDK's ECDSA verifier reads a negative integer as its magnitude (Wycheproof
   * ecdsa_secp256r1_sha256 tcId 6, "ASN encoding of s misses leading 0"), which would make
   * signatures malleable; KMS-style DER must be unique, so anything else is rejected here.
   */
  private static boolean isStrictDerSignature(byte[] signature) {
    try {
      ASN1Primitive parsed = ASN1Primitive.fromByteArray(signature);
      if (!(parsed instanceof ASN1Sequence) || ((ASN1Sequence) parsed).size() != 2) {
        return false;
      }
      for (ASN1Encodable element : (ASN1Sequence) parsed) {
        if (!(element instanceof ASN1Integer) || ((ASN1Integer) element).getValue().signum() <= 0) {
          return false;
        }
      }
      return Arrays.equals(parsed.getEncoded(ASN1Encoding.DER), signature);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void check(AsymmetricKeySpec spec, SigningAlgorithm algorithm, SigningInput input) {
    spec.requireSigning(algorithm);
    algorithm.checkMessage(input.type(), input.length());
  }

  /** The JCA name, provider, parameters and input prefix for one algorithm and message type. */
  private static final class Setup {
    final String name;
    final Provider provider;
    final AlgorithmParameterSpec parameters;
    final byte[] prefix;

    Setup(String name, Provider provider, AlgorithmParameterSpec parameters, byte[] prefix) {
      this.name = name;
      this.provider = provider;
      this.parameters = parameters;
      this.prefix = prefix;
    }

    /**
     * This thread's {@link Signature} for exactly this setup. One object per setup, never shared
     * between setups: parameters set on a JCA object stay set, and an Ed25519 object once switched
     * to prehash must never sign pure Ed25519 (a bug the Ed25519ph test caught).
     */
    Signature signature(String setupKey) {
      if (provider != null) {
        // BouncyCastle's objects are not reused: its NONEwithRSASSA-PSS keeps the input of a
        // verification that failed and corrupts the next signature made with the same object
        // (SignaturesTest#aFailedPssDigestVerificationLeavesNothingBehind, found by SignVerifyIT).
        return newSignature(name, provider, parameters);
      }
      return CACHE.get().computeIfAbsent(setupKey, k -> newSignature(name, provider, parameters));
    }
  }

  private static final byte[] NONE = new byte[0];

  private static String setupKey(AsymmetricKeySpec spec, SigningAlgorithm algorithm, MessageType type) {
    return algorithm.name() + "/" + type + "/" + spec.family();
  }

  private static Setup setup(AsymmetricKeySpec spec, SigningAlgorithm algorithm, MessageType type) {
    boolean raw = type == MessageType.RAW;
    String hashName = algorithm.hash().replace("-", "");
    switch (algorithm) {
      case RSASSA_PKCS1_V1_5_SHA_256:
      case RSASSA_PKCS1_V1_5_SHA_384:
      case RSASSA_PKCS1_V1_5_SHA_512:
        return raw
            ? new Setup(hashName + "withRSA", null, null, NONE)
            : new Setup("NONEwithRSA", null, null, digestInfoPrefix(algorithm));
      case RSASSA_PSS_SHA_256:
      case RSASSA_PSS_SHA_384:
      case RSASSA_PSS_SHA_512: {
        PSSParameterSpec pss =
            new PSSParameterSpec(
                algorithm.hash(), "MGF1", new MGF1ParameterSpec(algorithm.hash()),
                algorithm.digestLength(), PSSParameterSpec.TRAILER_FIELD_BC);
        return raw
            ? new Setup("RSASSA-PSS", null, pss, NONE)
            : new Setup("NONEwithRSASSA-PSS", Providers.BC, pss, NONE);
      }
      case ECDSA_SHA_256:
      case ECDSA_SHA_384:
      case ECDSA_SHA_512: {
        Provider provider = spec.family() == Family.EC_BC ? Providers.BC : null;
        return new Setup(raw ? hashName + "withECDSA" : "NONEwithECDSA", provider, null, NONE);
      }
      case ED25519_SHA_512:
        return new Setup("Ed25519", null, new EdDSAParameterSpec(false), NONE);
      case ED25519_PH_SHA_512:
        return new Setup("Ed25519", null, new EdDSAParameterSpec(true), NONE);
      case ML_DSA_SHAKE_256:
        return raw
            ? new Setup("ML-DSA", Providers.BC, null, NONE)
            : new Setup("ML-DSA-EXTERNAL-MU", Providers.BC, null, NONE);
      case SM2DSA:
      default:
        throw new AssertionError(algorithm);
    }
  }

  /** The DER DigestInfo header (RFC 8017 §9.2 note 1) that precedes the hash in PKCS #1 v1.5. */
  private static byte[] digestInfoPrefix(SigningAlgorithm algorithm) {
    switch (algorithm.hash()) {
      case "SHA-256":
        return HexFormat.of().parseHex("3031300d060960864801650304020105000420");
      case "SHA-384":
        return HexFormat.of().parseHex("3041300d060960864801650304020205000430");
      case "SHA-512":
        return HexFormat.of().parseHex("3051300d060960864801650304020305000440");
      default:
        throw new AssertionError(algorithm);
    }
  }

  /** A new JCA object with its parameters set once: they persist across {@code init} calls. */
  private static Signature newSignature(
      String name, Provider provider, AlgorithmParameterSpec parameters) {
    try {
      Signature signature =
          provider == null ? Signature.getInstance(name) : Signature.getInstance(name, provider);
      if (parameters != null) {
        signature.setParameter(parameters);
      }
      return signature;
    } catch (GeneralSecurityException e) {
      throw new CryptoException(name + " is not available", e);
    }
  }
}
