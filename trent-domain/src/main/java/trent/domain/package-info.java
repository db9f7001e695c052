/**
 * The domain: KMS keys, their states and the rules that move between them, aliases, ciphertexts,
 * and the error hierarchy every layer above reports through.
 *
 * <p>The domain reads and writes records through the storage SPI and wraps key material through
 * the keyring. It knows nothing of HTTP, JSON or how a request was authenticated.
 */
package trent.domain;
