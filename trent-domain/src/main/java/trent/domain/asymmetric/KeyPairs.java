package trent.domain.asymmetric;

import java.security.SecureRandom;
import trent.crypto.IntegrityException;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.AsymmetricEncryption;
import trent.crypto.asymmetric.AsymmetricKeyPair;
import trent.crypto.asymmetric.AsymmetricPublicKey;
import trent.crypto.asymmetric.EncryptionAlgorithm;
import trent.crypto.asymmetric.KeyAgreementAlgorithm;
import trent.crypto.asymmetric.SharedSecrets;
import trent.crypto.asymmetric.Signatures;
import trent.crypto.asymmetric.SigningAlgorithm;
import trent.crypto.asymmetric.SigningInput;
import trent.domain.error.InvalidCiphertextException;
import trent.domain.error.KMSInternalException;
import trent.domain.key.KeyCache;
import trent.domain.key.KmsKey;

/**
 * Uses the private and public keys of asymmetric KMS keys, through the in-memory
 * {@link KeyCache}: once a key pair was loaded, no request touches the disk.
 *
 * <p>Guarantees: the caller has checked state, usage, algorithm and input rules (the crypto layer
 * checks them again and would fail with a server fault, never silently). A ciphertext that does
 * not decrypt is {@code InvalidCiphertextException} with no message, whatever the reason, so OAEP
 * failures cannot be told apart. Private keys never leave this class.
 */
public final class KeyPairs {

  private final KeyCache cache;
  private final SecureRandom random;

  public KeyPairs(KeyCache cache, SecureRandom random) {
    this.cache = cache;
    this.random = random;
  }

  public KeyCache keys() {
    return cache;
  }

  /** The public key of an asymmetric KMS key (GetPublicKey, and Verify). */
  public AsymmetricPublicKey publicKey(KmsKey key) {
    return pair(key).publicKey();
  }

  public byte[] sign(KmsKey key, SigningAlgorithm algorithm, SigningInput input) {
    return Signatures.sign(pair(key), algorithm, input, random);
  }

  /** Whether {@code signature} verifies; a malformed signature is simply not valid. */
  public boolean verify(KmsKey key, SigningAlgorithm algorithm, SigningInput input, byte[] signature) {
    return Signatures.verify(publicKey(key), algorithm, input, signature);
  }

  public byte[] encrypt(KmsKey key, EncryptionAlgorithm algorithm, SecretBytes plaintext) {
    byte[] bytes = plaintext.revealCopy();
    try {
      return AsymmetricEncryption.encrypt(publicKey(key), algorithm, bytes, random);
    } finally {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The plaintext of an asymmetric ciphertext; the caller owns and destroys it. */
  public SecretBytes decrypt(KmsKey key, EncryptionAlgorithm algorithm, byte[] ciphertext) {
    try {
      return SecretBytes.adopt(AsymmetricEncryption.decrypt(pair(key), algorithm, ciphertext));
    } catch (IntegrityException e) {
      throw InvalidCiphertextException.invalid();
    }
  }

  /** The raw ECDH shared secret with a peer key already read as a key of this key's spec. */
  public SecretBytes deriveSharedSecret(KmsKey key, AsymmetricPublicKey peer) {
    return SharedSecrets.derive(pair(key), KeyAgreementAlgorithm.ECDH, peer);
  }

  private AsymmetricKeyPair pair(KmsKey key) {
    String materialId = key.currentMaterialId()
        .orElseThrow(() -> new KMSInternalException("Key " + key.arn() + " has no current key material.", null));
    return cache.keyPair(key, materialId)
        .orElseThrow(() -> new KMSInternalException("The current key material of " + key.arn() + " is missing.", null));
  }
}
