/**
 * The root of trust and the keyring it protects.
 *
 * <p>A {@link trent.crypto.keyring.RootOfTrust} (key file, passphrase, HSM) wraps a small
 * {@link trent.crypto.keyring.Keyring} of storage wrapping keys with numbered terms; the keyring
 * wraps every stored key's material, bound by associated data to what the record is. Rotating the
 * root rewraps only the keyring. Two roots live here: {@link trent.crypto.keyring.KeyFileRootOfTrust},
 * the development root (a key file in the data directory), and
 * {@link trent.crypto.keyring.PassphraseRootOfTrust} (Argon2id over a passphrase and a salt file).
 * Both wrap in the {@link trent.crypto.keyring.AesGcmWrapping} format, which the PKCS#11 root in
 * {@code trent-rot-pkcs11} shares. Argon2id comes from BouncyCastle, the one third-party crypto
 * dependency, used for that KDF only; every cipher and MAC is the JDK's.
 *
 * <p>This package reads and writes keyring terms through the storage SPI and nothing else; it
 * does not know what the records it wraps mean beyond the associated data its callers give.
 */
package trent.crypto.keyring;
