package trent.domain.envelope;

import trent.domain.ciphertext.EncryptionContext;
import trent.domain.ciphertext.ExternalCiphertext;
import trent.domain.key.KmsKey;

/**
 * The outer layer of the double encryption of a key in an external key store: its external key,
 * at the store's proxy, encrypts the inner blob Trent's own key material made. Implementations
 * answer every failure with the error AWS answers for a cryptographic operation, never with a
 * blob that lacks the outer layer.
 */
public interface ExternalLayer {

  /** Who asks and why, for the proxy's requestMetadata. */
  record Call(String principalArn, String operation, String requestId) {}

  /** Encrypts {@code innerBlob} under the key's external key; returns the version 2 blob. */
  byte[] seal(KmsKey key, byte[] innerBlob, EncryptionContext context, Call call);

  /** Decrypts the outer layer of a parsed version 2 blob; returns the inner blob. */
  byte[] open(KmsKey key, ExternalCiphertext.Parsed blob, EncryptionContext context, Call call);
}
