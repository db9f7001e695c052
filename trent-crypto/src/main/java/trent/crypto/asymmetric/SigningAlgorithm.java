package trent.crypto.asymmetric;

import java.util.EnumSet;
import java.util.Set;

/**
 * The KMS signing algorithms ({@code SigningAlgorithmSpec}), each with the hash it uses and the
 * message types it accepts.
 *
 * <p>Facts from the AWS KMS API reference (Sign, MessageType): a DIGEST must be exactly as long as
 * the algorithm's hash; ED25519_SHA_512 takes only RAW and ED25519_PH_SHA_512 only DIGEST (and KMS
 * still applies the SHA-512 prehash of FIPS 186-5 §7.8.1 to that digest, so the input is hashed
 * twice); EXTERNAL_MU is 64 bytes and only for ML-DSA. RSASSA-PSS uses MGF1 with the same hash and a
 * salt as long as the hash. SM2DSA hashes with SM3 over Z ‖ M, Z computed with the distinguishing
 * ID {@code 1234567812345678}.
 */
public enum SigningAlgorithm {
  RSASSA_PSS_SHA_256("SHA-256", 32, EnumSet.of(MessageType.RAW, MessageType.DIGEST)),
  RSASSA_PSS_SHA_384("SHA-384", 48, EnumSet.of(MessageType.RAW, MessageType.DIGEST)),
  RSASSA_PSS_SHA_512("SHA-512", 64, EnumSet.of(MessageType.RAW, MessageType.DIGEST)),
  RSASSA_PKCS1_V1_5_SHA_256("SHA-256", 32, EnumSet.of(MessageType.RAW, MessageType.DIGEST)),
  RSASSA_PKCS1_V1_5_SHA_384("SHA-384", 48, EnumSet.of(MessageType.RAW, MessageType.DIGEST)),
  RSASSA_PKCS1_V1_5_SHA_512("SHA-512", 64, EnumSet.of(MessageType.RAW, MessageType.DIGEST)),
  ECDSA_SHA_256("SHA-256", 32, EnumSet.of(MessageType.RAW, MessageType.DIGEST)),
  ECDSA_SHA_384("SHA-384", 48, EnumSet.of(MessageType.RAW, MessageType.DIGEST)),
  ECDSA_SHA_512("SHA-512", 64, EnumSet.of(MessageType.RAW, MessageType.DIGEST)),
  ED25519_SHA_512("SHA-512", 64, EnumSet.of(MessageType.RAW)),
  ED25519_PH_SHA_512("SHA-512", 64, EnumSet.of(MessageType.DIGEST)),
  SM2DSA("SM3", 32, EnumSet.of(MessageType.RAW, MessageType.DIGEST)),
  ML_DSA_SHAKE_256("SHAKE256", 64, EnumSet.of(MessageType.RAW, MessageType.EXTERNAL_MU));

  /** The longest RAW message KMS signs (Sign and Verify: Message is 1..4096 bytes). */
  public static final int MAX_RAW_MESSAGE_LENGTH = 4096;

  /** The length of an ML-DSA external μ (FIPS 204 §6.2). */
  public static final int EXTERNAL_MU_LENGTH = 64;

  private final String hash;
  private final int digestLength;
  private final Set<MessageType> messageTypes;

  SigningAlgorithm(String hash, int digestLength, Set<MessageType> messageTypes) {
    this.hash = hash;
    this.digestLength = digestLength;
    this.messageTypes = messageTypes;
  }

  /** The JCA name of the hash this algorithm uses ({@code SHA-256}, {@code SM3}, ...). */
  public String hash() {
    return hash;
  }

  /**
   * The exact length a DIGEST message must have. For ML-DSA, which takes no DIGEST, the length of
   * an EXTERNAL_MU.
   */
  public int digestLength() {
    return digestLength;
  }

  /** Whether KMS accepts {@code type} with this algorithm. */
  public boolean accepts(MessageType type) {
    return messageTypes.contains(type);
  }

  /** The message types KMS accepts with this algorithm. */
  public Set<MessageType> messageTypes() {
    return EnumSet.copyOf(messageTypes);
  }

  /**
   * Checks the KMS rules for a message of {@code type} and {@code length} bytes.
   *
   * @throws AlgorithmNotSupportedException when this algorithm takes no message of that type
   * @throws InvalidInputException when the length breaks the rule for the type
   */
  public void checkMessage(MessageType type, int length) {
    if (!accepts(type)) {
      throw new AlgorithmNotSupportedException(
          name() + " does not accept MessageType " + type + "; it accepts " + messageTypes);
    }
    switch (type) {
      case RAW:
        if (length > MAX_RAW_MESSAGE_LENGTH) {
          throw new InvalidInputException(
              "a RAW message must be at most " + MAX_RAW_MESSAGE_LENGTH + " bytes");
        }
        break;
      case DIGEST:
        if (length != digestLength) {
          throw new InvalidInputException("Digest is invalid length for algorithm " + name() + ".");
        }
        break;
      case EXTERNAL_MU:
        if (length != EXTERNAL_MU_LENGTH) {
          throw new InvalidInputException(
              "an EXTERNAL_MU message must be " + EXTERNAL_MU_LENGTH + " bytes");
        }
        break;
      default:
        throw new AssertionError(type);
    }
  }
}
