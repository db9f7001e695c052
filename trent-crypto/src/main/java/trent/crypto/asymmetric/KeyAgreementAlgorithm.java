package trent.crypto.asymmetric;

/**
 * The KMS key agreement algorithms ({@code KeyAgreementAlgorithmSpec}).
 *
 * <p>{@link #ECDH}: the elliptic-curve Diffie-Hellman primitive of NIST SP 800-56A (cofactor 1 on
 * every curve KMS offers); the shared secret is the x-coordinate of d·Q, as many bytes as the
 * field, with no key derivation applied, which is what DeriveSharedSecret returns.
 */
public enum KeyAgreementAlgorithm {
  ECDH
}
