/**
 * Cryptographic building blocks: typed secrets, authenticated encryption with per-message keys,
 * randomness. Everything here uses the JDK's providers.
 *
 * <p>This layer knows nothing of KMS keys, requests or storage records; it turns bytes and
 * parameters into bytes, and fails with a {@link trent.crypto.CryptoException} subclass.
 */
package trent.crypto;
