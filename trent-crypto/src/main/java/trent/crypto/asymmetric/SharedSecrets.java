package trent.crypto.asymmetric;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.KeyAgreement;
import trent.crypto.CryptoException;
import trent.crypto.SecretBytes;

/**
 * DeriveSharedSecret: ECDH between our private key and a peer's public key.
 *
 * <p>Guarantees: the peer key must be of the same key spec as ours (so on the same curve), and was
 * already checked to be a finite point on that curve when it was read
 * ({@link AsymmetricPublicKey#fromSubjectPublicKeyInfo}), so invalid-curve and small-subgroup
 * points never reach the scalar multiplication. The result is the raw shared secret Z of NIST SP
 * 800-56A §5.7.1.2 (the x-coordinate, as many bytes as the field: 32, 48, 66, 32 for P-256, P-384,
 * P-521, SM2), with no KDF applied, as AWS's DeriveSharedSecret returns it.
 *
 * <p>Providers: the JDK's SunEC for the NIST curves; BouncyCastle for SM2.
 */
public final class SharedSecrets {

  private SharedSecrets() {}

  /**
   * The shared secret of {@code ours} and {@code peer}. The caller owns the result.
   *
   * @throws AlgorithmNotSupportedException when our key spec has no key agreement
   * @throws InvalidInputException when the peer key is of another key spec
   */
  public static SecretBytes derive(
      AsymmetricKeyPair ours, KeyAgreementAlgorithm algorithm, AsymmetricPublicKey peer) {
    ours.spec().requireKeyAgreement(algorithm);
    if (peer.spec() != ours.spec()) {
      throw new InvalidInputException(
          "peer public key is a " + peer.spec() + " key; this key is " + ours.spec());
    }
    try {
      KeyAgreement agreement =
          ours.spec() == AsymmetricKeySpec.SM2
              ? KeyAgreement.getInstance("ECDH", Providers.BC)
              : KeyAgreement.getInstance("ECDH");
      agreement.init(ours.jcaPrivateKey());
      agreement.doPhase(peer.jcaKey(), true);
      return SecretBytes.adopt(agreement.generateSecret());
    } catch (InvalidKeyException e) {
      throw new InvalidInputException("peer public key rejected", e);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("ECDH failed", e);
    }
  }
}
