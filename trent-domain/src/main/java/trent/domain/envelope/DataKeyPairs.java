package trent.domain.envelope;

import java.security.SecureRandom;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.AsymmetricKeyPair;
import trent.crypto.asymmetric.AsymmetricKeySpec;
import trent.domain.ciphertext.EncryptionContext;
import trent.domain.envelope.Envelopes.Sealed;
import trent.domain.key.KmsKey;

/**
 * Data key pairs (GenerateDataKeyPair and its WithoutPlaintext sibling): a fresh asymmetric key
 * pair whose private key, as PKCS#8 DER, is sealed under a symmetric KMS key in Trent's
 * ciphertext format, so that Decrypt returns it later.
 *
 * <p>Generating an RSA-4096 pair takes a second or more, so the operations that call this run on
 * the blocking pool. The WithoutPlaintext variant destroys the private key here; it never reaches
 * a response.
 */
public final class DataKeyPairs {

  /** A data key pair with its private key in plaintext, for the caller to return and destroy. */
  public record DataKeyPair(SecretBytes privateKeyPlaintext, byte[] publicKey, Sealed sealed) {}

  /** A data key pair whose private key exists only sealed. */
  public record SealedKeyPair(byte[] publicKey, Sealed sealed) {}

  private final Envelopes envelopes;
  private final SecureRandom random;

  public DataKeyPairs(Envelopes envelopes, SecureRandom random) {
    this.envelopes = envelopes;
    this.random = random;
  }

  public DataKeyPair generate(KmsKey key, AsymmetricKeySpec spec, EncryptionContext context,
      ExternalLayer.Call call) {
    AsymmetricKeyPair pair = AsymmetricKeyPair.generate(spec, random);
    SecretBytes pkcs8 = pair.revealPkcs8();
    return new DataKeyPair(pkcs8, pair.publicKey().subjectPublicKeyInfo(), envelopes.seal(key, pkcs8, context, call));
  }

  public SealedKeyPair generateWithoutPlaintext(KmsKey key, AsymmetricKeySpec spec, EncryptionContext context,
      ExternalLayer.Call call) {
    AsymmetricKeyPair pair = AsymmetricKeyPair.generate(spec, random);
    try (SecretBytes pkcs8 = pair.revealPkcs8()) {
      return new SealedKeyPair(pair.publicKey().subjectPublicKeyInfo(), envelopes.seal(key, pkcs8, context, call));
    }
  }
}
