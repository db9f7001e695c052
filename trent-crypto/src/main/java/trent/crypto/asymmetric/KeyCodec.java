package trent.crypto.asymmetric;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import trent.crypto.asymmetric.AsymmetricKeySpec.Family;

/**
 * Parses and checks DER key encodings against a key spec, and derives public keys from private
 * keys. Strict: the input must be DER (re-encoding gives the same bytes), the algorithm identifier
 * must name the spec (named curves only; explicit curve parameters are refused), and EC points must
 * lie on the spec's curve.
 */
final class KeyCodec {
  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private KeyCodec() {}

  static PublicKey parsePublicKey(AsymmetricKeySpec spec, byte[] der) {
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(der);
      if (spki == null || !Arrays.equals(spki.getEncoded(ASN1Encoding.DER), der)) {
        throw new InvalidInputException("public key is not a DER SubjectPublicKeyInfo");
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException) {
        throw (InvalidInputException) e;
      }
      throw new InvalidInputException("public key is not a DER SubjectPublicKeyInfo", e);
    }
    checkAlgorithm(spec, spki.getAlgorithm(), "public key");
    try {
      switch (spec.family()) {
        case RSA: {
          PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
          checkRsaSize(spec, ((RSAPublicKey) key).getModulus(), "public key");
          return key;
        }
        case EC_NIST:
        case EC_BC:
        case SM2: {
          ECPoint q = decodePoint(spec, spki.getPublicKeyData().getOctets());
          return ecPublicKey(spec, q);
        }
        case ED25519:
          return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        case ML_DSA:
          return KeyFactory.getInstance(spec.parameterName(), Providers.BC)
              .generatePublic(new X509EncodedKeySpec(der));
        default:
          throw new AssertionError(spec);
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidInputException("public key is not a valid " + spec + " key", e);
    }
  }

  static PrivateKey parsePrivateKey(AsymmetricKeySpec spec, byte[] der) {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(der);
      if (info == null) {
        throw new InvalidInputException("private key is not PKCS#8");
      }
    } catch (RuntimeException e) {
      if (e instanceof InvalidInputException) {
        throw (InvalidInputException) e;
      }
      throw new InvalidInputException("private key is not PKCS#8", e);
    }
    checkAlgorithm(spec, info.getPrivateKeyAlgorithm(), "private key");
    try {
      PKCS8EncodedKeySpec keySpec = new PKCS8EncodedKeySpec(der);
      switch (spec.family()) {
        case RSA: {
          PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(keySpec);
          if (!(key instanceof RSAPrivateCrtKey)) {
            throw new InvalidInputException("RSA private key lacks its CRT parameters");
          }
          checkRsaSize(spec, ((RSAPrivateCrtKey) key).getModulus(), "private key");
          return key;
        }
        case EC_NIST:
          return KeyFactory.getInstance("EC").generatePrivate(keySpec);
        case EC_BC:
        case SM2:
          return KeyFactory.getInstance("EC", Providers.BC).generatePrivate(keySpec);
        case ED25519:
          return KeyFactory.getInstance("Ed25519").generatePrivate(keySpec);
        case ML_DSA:
          return KeyFactory.getInstance(spec.parameterName(), Providers.BC).generatePrivate(keySpec);
        default:
          throw new AssertionError(spec);
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidInputException("private key is not a valid " + spec + " key", e);
    }
  }

  /** The public key belonging to {@code key}, computed from the private key alone. */
  static PublicKey derivePublicKey(AsymmetricKeySpec spec, PrivateKey key) {
    try {
      switch (spec.family()) {
        case RSA: {
          RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
          return KeyFactory.getInstance("RSA")
              .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        }
        case EC_NIST:
          return ecPublicKey(spec, multiplyGenerator(spec, ((ECPrivateKey) key).getS()));
        case EC_BC:
        case SM2:
          return ecPublicKey(
              spec,
              multiplyGenerator(spec, ((org.bouncycastle.jce.interfaces.ECPrivateKey) key).getD()));
        case ED25519: {
          byte[] seed =
              ((EdECPrivateKey) key)
                  .getBytes()
                  .orElseThrow(() -> new InvalidInputException("Ed25519 private key has no seed"));
          try {
            byte[] pk = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
            System.arraycopy(pk, 0, spki, ED25519_SPKI_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
          } finally {
            Arrays.fill(seed, (byte) 0);
          }
        }
        case ML_DSA:
          return ((MLDSAPrivateKey) key).getPublicKey();
        default:
          throw new AssertionError(spec);
      }
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new InvalidInputException("cannot derive the public key of a " + spec + " key", e);
    }
  }

  private static void checkAlgorithm(AsymmetricKeySpec spec, AlgorithmIdentifier alg, String what) {
    ASN1ObjectIdentifier algorithm = alg.getAlgorithm();
    ASN1Encodable params = alg.getParameters();
    boolean ok;
    switch (spec.family()) {
      case RSA:
        ok = algorithm.equals(PKCSObjectIdentifiers.rsaEncryption);
        break;
      case EC_NIST:
      case EC_BC:
      case SM2:
        ok = algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)
            && params instanceof ASN1ObjectIdentifier
            && params.equals(new ASN1ObjectIdentifier(spec.oid()));
        break;
      case ED25519:
      case ML_DSA:
        ok = algorithm.equals(new ASN1ObjectIdentifier(spec.oid())) && params == null;
        break;
      default:
        throw new AssertionError(spec);
    }
    if (!ok) {
      throw new InvalidInputException(
          what + " is not a " + spec + " key (algorithm " + algorithm
              + (params instanceof ASN1ObjectIdentifier ? ", curve " + params : "") + ")");
    }
  }

  private static void checkRsaSize(AsymmetricKeySpec spec, BigInteger modulus, String what) {
    if (modulus.bitLength() != spec.rsaModulusBits()) {
      throw new InvalidInputException(
          what + " has a " + modulus.bitLength() + "-bit modulus, not " + spec.rsaModulusBits());
    }
  }

  private static X9ECParameters curve(AsymmetricKeySpec spec) {
    X9ECParameters x9 = ECNamedCurveTable.getByName(spec.parameterName());
    if (x9 == null) {
      throw new IllegalStateException("BouncyCastle does not know curve " + spec.parameterName());
    }
    return x9;
  }

  /** Decodes an encoded point and checks that it is a finite point on the spec's curve. */
  private static ECPoint decodePoint(AsymmetricKeySpec spec, byte[] encoded) {
    ECPoint q;
    try {
      q = curve(spec).getCurve().decodePoint(encoded).normalize();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("public key is not a point on the " + spec + " curve", e);
    }
    if (q.isInfinity() || !q.isValid()) {
      throw new InvalidInputException("public key is not a point on the " + spec + " curve");
    }
    return q;
  }

  private static ECPoint multiplyGenerator(AsymmetricKeySpec spec, BigInteger d) {
    X9ECParameters x9 = curve(spec);
    if (d.signum() <= 0 || d.compareTo(x9.getN()) >= 0) {
      throw new InvalidInputException("EC private key is out of range");
    }
    return new FixedPointCombMultiplier().multiply(x9.getG(), d).normalize();
  }

  private static PublicKey ecPublicKey(AsymmetricKeySpec spec, ECPoint q)
      throws GeneralSecurityException {
    if (spec.family() == Family.EC_NIST) {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(spec.parameterName()));
      ECParameterSpec ecSpec = parameters.getParameterSpec(ECParameterSpec.class);
      java.security.spec.ECPoint w =
          new java.security.spec.ECPoint(
              q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ecSpec));
    }
    org.bouncycastle.jce.spec.ECNamedCurveParameterSpec named =
        org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec(spec.parameterName());
    return KeyFactory.getInstance("EC", Providers.BC)
        .generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(q, named));
  }
}
