package trent.domain.error;

/** Wire error {@code ValidationException}. */
public final class ValidationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "ValidationException";

  public ValidationException(String message) {
    super(CODE, message);
  }

  /**
   * Recorded AWS text (LocalStack snapshot test_sign_verify, e.g. ECDSA_SHA_256 and
   * RSASSA_PSS_SHA_256 with a digest of the wrong length).
   */
  public static ValidationException digestInvalidLength(String signingAlgorithm) {
    return new ValidationException("Digest is invalid length for algorithm " + signingAlgorithm + ".");
  }

  /**
   * AWS text observed on real KMS for ML_DSA_44 with MessageType DIGEST (floci-io/floci issue 3025:
   * {@code Message type DIGEST is incompatible with key spec ML_DSA_44.}); the same form for
   * Ed25519's RAW/DIGEST split and EXTERNAL_MU on other keys is inferred (floci issue 2924 quotes
   * only its start, {@code Message type RAW is incompatible}).
   */
  public static ValidationException messageTypeIncompatible(String messageType, String keySpec) {
    return new ValidationException("Message type " + messageType + " is incompatible with key spec " + keySpec + ".");
  }

  /** Not recorded (ours): an EXTERNAL_MU that is not 64 bytes, modelled on the digest text. */
  public static ValidationException externalMuInvalidLength(String signingAlgorithm) {
    return new ValidationException("External mu is invalid length for algorithm " + signingAlgorithm + ".");
  }

  /**
   * Recorded AWS text (LocalStack snapshot test_encrypt_validate_plaintext_size_per_key_type, e.g.
   * {@code Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.}).
   */
  public static ValidationException plaintextTooLarge(String algorithm, String keySpec, int max) {
    return new ValidationException(
        "Algorithm " + algorithm + " and key spec " + keySpec + " cannot encrypt data larger than " + max + " bytes.");
  }
}
