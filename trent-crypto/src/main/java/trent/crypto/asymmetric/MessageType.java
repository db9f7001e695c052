package trent.crypto.asymmetric;

/**
 * What the message handed to {@link Signatures} is, named as AWS KMS names its {@code MessageType}.
 *
 * <ul>
 *   <li>{@link #RAW}: the message itself (AWS allows up to 4096 bytes); the algorithm hashes it.
 *   <li>{@link #DIGEST}: the message's hash, exactly {@link SigningAlgorithm#digestLength()} bytes;
 *       the algorithm skips its hashing step.
 *   <li>{@link #EXTERNAL_MU}: ML-DSA's 64-byte message representative μ (FIPS 204 §6.2).
 * </ul>
 */
public enum MessageType {
  RAW,
  DIGEST,
  EXTERNAL_MU
}
