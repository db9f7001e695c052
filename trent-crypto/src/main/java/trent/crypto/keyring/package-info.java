/**
 * The root of trust and the keyring it protects.
 *
 * <p>A {@link trent.crypto.keyring.RootOfTrust} (key file, passphrase, HSM) wraps a small
 * {@link trent.crypto.keyring.Keyring} of storage wrapping keys with numbered terms; the keyring
 * wraps every stored key's material, bound by associated data to what the record is. Rotating the
 * root rewraps only the keyring. {@link trent.crypto.keyring.KeyFileRootOfTrust} is the development
 * root: a key file in the data directory.
 *
 * <p>This package reads and writes keyring terms through the storage SPI and nothing else; it
 * does not know what the records it wraps mean beyond the associated data its callers give.
 */
package trent.crypto.keyring;
