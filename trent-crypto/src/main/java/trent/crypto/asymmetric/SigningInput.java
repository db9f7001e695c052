package trent.crypto.asymmetric;

/**
 * What is signed or verified: the bytes and what they are ({@link MessageType}). Whether they fit
 * an algorithm (type allowed, DIGEST length, RAW and EXTERNAL_MU limits) is checked by
 * {@link Signatures} against {@link SigningAlgorithm#checkMessage}. Immutable; holds a copy.
 */
public final class SigningInput {
  private final MessageType type;
  private final byte[] bytes;

  private SigningInput(MessageType type, byte[] bytes) {
    this.type = type;
    this.bytes = bytes.clone();
  }

  /** A whole message, hashed by the signing algorithm. */
  public static SigningInput raw(byte[] message) {
    return new SigningInput(MessageType.RAW, message);
  }

  /** A message digest made by the caller with the algorithm's hash. */
  public static SigningInput digest(byte[] digest) {
    return new SigningInput(MessageType.DIGEST, digest);
  }

  /** An ML-DSA external μ (64 bytes, FIPS 204 §6.2). */
  public static SigningInput externalMu(byte[] mu) {
    return new SigningInput(MessageType.EXTERNAL_MU, mu);
  }

  /** The input as KMS's Sign and Verify carry it: Message and MessageType. */
  public static SigningInput of(MessageType type, byte[] message) {
    return new SigningInput(type, message);
  }

  public MessageType type() {
    return type;
  }

  public int length() {
    return bytes.length;
  }

  byte[] bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return "SigningInput[" + type + ", " + bytes.length + " bytes]";
  }
}
