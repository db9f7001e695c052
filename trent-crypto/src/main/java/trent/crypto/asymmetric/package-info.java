/**
 * Asymmetric primitives for the KMS key specs: RSA, ECC (NIST P-256/384/521, secp256k1),
 * Ed25519, SM2 and ML-DSA. Turns typed keys and parameters into signatures, ciphertexts and shared
 * secrets; knows nothing of KMS keys, key usage, key states, requests or storage.
 *
 * <ul>
 *   <li>{@link trent.crypto.asymmetric.AsymmetricKeySpec}: each KMS key spec with the signing,
 *       encryption and key agreement algorithms AWS allows for it.
 *   <li>{@link trent.crypto.asymmetric.AsymmetricKeyPair} and
 *       {@link trent.crypto.asymmetric.AsymmetricPublicKey}: key material bound to its spec, made
 *       only through checked factories. The private key leaves as PKCS#8 DER through
 *       {@code revealPkcs8()}; the public key as DER SubjectPublicKeyInfo.
 *   <li>{@link trent.crypto.asymmetric.Signatures} (Sign/Verify),
 *       {@link trent.crypto.asymmetric.AsymmetricEncryption} (Encrypt/Decrypt),
 *       {@link trent.crypto.asymmetric.SharedSecrets} (DeriveSharedSecret).
 * </ul>
 *
 * <p>The JDK's providers serve every algorithm they have (RSA, ECDSA and ECDH on NIST curves,
 * Ed25519/Ed25519ph, OAEP). BouncyCastle serves only what JDK 17 lacks (secp256k1, SM2/SM3, ML-DSA,
 * RSASSA-PSS over a digest); it is used as a provider instance and never registered globally.
 *
 * <p>Failures: {@link trent.crypto.asymmetric.AlgorithmNotSupportedException} when an algorithm or
 * message type does not fit the key spec; {@link trent.crypto.asymmetric.InvalidInputException}
 * when a length rule or key encoding is broken; {@link trent.crypto.IntegrityException} for every
 * ciphertext that does not decrypt; a verification that fails returns {@code false}.
 */
package trent.crypto.asymmetric;
