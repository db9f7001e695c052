/**
 * The root of trust and the keyring it protects.
 *
 * <p>A {@link trent.crypto.keyring.RootOfTrust} (key file, passphrase, HSM) wraps a small keyring
 * of storage wrapping keys with numbered terms; the keyring wraps every stored key's material,
 * bound by associated data to what the record is. Rotating the root rewraps only the keyring.
 */
package trent.crypto.keyring;
