package trent.crypto.asymmetric;

import trent.crypto.CryptoException;

/**
 * An algorithm or message type was asked of a key spec that does not support it (for example
 * ECDSA_SHA_384 with an ECC_NIST_P256 key, or RSAES_OAEP_SHA_1 with an ML-DSA key). The message
 * names the spec, the algorithm and what the spec supports; it never contains key material.
 */
public final class AlgorithmNotSupportedException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public AlgorithmNotSupportedException(String message) {
    super(message);
  }
}
