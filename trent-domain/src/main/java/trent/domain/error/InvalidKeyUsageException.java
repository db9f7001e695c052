package trent.domain.error;

/** Wire error {@code InvalidKeyUsageException}. */
public final class InvalidKeyUsageException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidKeyUsageException";

  public InvalidKeyUsageException(String message) {
    super(CODE, message);
  }

  /** Recorded AWS text, e.g. {@code <arn> key usage is SIGN_VERIFY which is not valid for Encrypt.} */
  public static InvalidKeyUsageException usageNotValidFor(String keyArn, String usage, String operation) {
    return new InvalidKeyUsageException(keyArn + " key usage is " + usage + " which is not valid for " + operation + ".");
  }

  /** Modelled on the usage text (not recorded): an asymmetric ENCRYPT_DECRYPT key in a symmetric operation. */
  public static InvalidKeyUsageException specNotValidFor(String keyArn, String spec, String operation) {
    return new InvalidKeyUsageException(keyArn + " key spec is " + spec + " which is not valid for " + operation + ".");
  }

  /** Recorded AWS text for an algorithm the key cannot use, e.g. {@code Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.} */
  public static InvalidKeyUsageException algorithmIncompatible(String algorithm, String spec) {
    return new InvalidKeyUsageException("Algorithm " + algorithm + " is incompatible with key spec " + spec + ".");
  }
}
