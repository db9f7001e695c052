package trent.crypto.asymmetric;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import trent.crypto.CryptoException;
import trent.crypto.IntegrityException;

/**
 * Asymmetric Encrypt and Decrypt: RSAES-OAEP (RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256) and SM2PKE.
 *
 * <p>Guarantees: {@link #encrypt} checks that the algorithm belongs to the key's spec and that the
 * plaintext is within AWS's limit ({@link EncryptionAlgorithm#maxPlaintextLength}) before
 * encrypting. OAEP uses the named hash for both the label hash and MGF1, with an empty label
 * (RFC 8017 §7.1), which is how AWS defines the two algorithms, so OpenSSL's
 * {@code -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256}
 * interoperates. {@link #decrypt} fails with {@link IntegrityException} for every bad ciphertext,
 * whatever the reason (wrong length, bad padding, wrong key, SM2 hash mismatch), and says nothing
 * more; callers must not add detail, since distinguishable OAEP failures enable Manger's attack.
 *
 * <p>Providers: the JDK's SunJCE for OAEP; BouncyCastle for SM2 (ciphertext C1 ‖ C3 ‖ C2).
 */
public final class AsymmetricEncryption {

  private AsymmetricEncryption() {}

  /**
   * Encrypts {@code plaintext} to {@code key}.
   *
   * @throws AlgorithmNotSupportedException when the key's spec does not support the algorithm
   * @throws InvalidInputException when the plaintext is longer than the algorithm allows
   */
  public static byte[] encrypt(
      AsymmetricPublicKey key, EncryptionAlgorithm algorithm, byte[] plaintext, SecureRandom random) {
    int max = algorithm.maxPlaintextLength(key.spec());
    if (plaintext.length > max) {
      throw new InvalidInputException(
          "plaintext for " + algorithm + " with " + key.spec() + " must be at most " + max + " bytes");
    }
    if (algorithm == EncryptionAlgorithm.SM2PKE) {
      return Sm2.encrypt(key.jcaKey(), plaintext, random);
    }
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.jcaKey(), oaep(algorithm), random);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new CryptoException(algorithm + " encryption failed", e);
    }
  }

  /**
   * Decrypts {@code ciphertext} with the private key of {@code key}. The caller owns the result and
   * should overwrite it when done.
   *
   * @throws AlgorithmNotSupportedException when the key's spec does not support the algorithm
   * @throws IntegrityException when the ciphertext does not decrypt
   */
  public static byte[] decrypt(AsymmetricKeyPair key, EncryptionAlgorithm algorithm, byte[] ciphertext) {
    key.spec().requireEncryption(algorithm);
    if (algorithm == EncryptionAlgorithm.SM2PKE) {
      return Sm2.decrypt(key.jcaPrivateKey(), ciphertext);
    }
    int modulusBytes = (((RSAKey) key.jcaPrivateKey()).getModulus().bitLength() + 7) / 8;
    if (ciphertext.length != modulusBytes) {
      throw new IntegrityException();
    }
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.jcaPrivateKey(), oaep(algorithm));
      return cipher.doFinal(ciphertext);
    } catch (BadPaddingException | IllegalBlockSizeException e) {
      throw new IntegrityException();
    } catch (GeneralSecurityException e) {
      throw new CryptoException(algorithm + " decryption failed", e);
    }
  }

  private static OAEPParameterSpec oaep(EncryptionAlgorithm algorithm) {
    return new OAEPParameterSpec(
        algorithm.hash(), "MGF1", new MGF1ParameterSpec(algorithm.hash()), PSource.PSpecified.DEFAULT);
  }
}
