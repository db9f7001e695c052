/**
 * Cryptographic building blocks: typed secrets, authenticated encryption with per-message keys,
 * HKDF, randomness. Everything here uses the JDK's providers; there is no third-party crypto.
 *
 * <ul>
 *   <li>{@link trent.crypto.SecretBytes}: secrets behind a gate ({@code revealCopy} is the one way out).
 *   <li>{@link trent.crypto.DerivedKeyAead}: AES-256-GCM under a key derived per message with
 *       {@link trent.crypto.HkdfSha256} from a backing key and a random {@link trent.crypto.MessageNonce}.
 *   <li>{@link trent.crypto.ThreadLocalSecureRandom}: a DRBG per thread, so randomness never
 *       serialises request threads.
 * </ul>
 *
 * <p>Test-only paths that take fixed randomness say so in their names ({@code insecure...ForTesting}).
 *
 * <p>This layer knows nothing of KMS keys, requests or storage records; it turns bytes and
 * parameters into bytes, and fails with a {@link trent.crypto.CryptoException} subclass
 * ({@link trent.crypto.IntegrityException} for every authentication failure).
 */
package trent.crypto;
