/**
 * The symmetric ciphertext format: the versioned, self-describing blob that names its KMS key and
 * key material version, and the encryption context it is bound to.
 *
 * <p>{@link trent.domain.ciphertext.CiphertextFormat} seals, parses and opens blobs;
 * {@link trent.domain.ciphertext.EncryptionContext} has the canonical encoding that goes into the
 * associated data; {@link trent.domain.ciphertext.BackingKey} is unwrapped key material bound to
 * its identity. Every malformed or inauthentic blob is one
 * {@link trent.domain.ciphertext.MalformedCiphertextException}, which the operation layer answers
 * with {@code InvalidCiphertextException}. The format is specified in {@code docs/CIPHERTEXT.md}
 * and pinned by the vectors in {@code src/test/resources/vectors/ciphertext-v1.json}: a change
 * that breaks them breaks every stored ciphertext.
 *
 * <p>This package knows nothing of key states, policies, storage or requests; it is given
 * unwrapped key material and returns bytes.
 */
package trent.domain.ciphertext;
