/**
 * Symmetric encryption under KMS keys: sealing plaintext and data keys into ciphertext blobs,
 * finding the key a blob names, and opening it again. Plaintext stays in {@code SecretBytes};
 * the operations that must not return plaintext get only the blob.
 */
package trent.domain.envelope;
