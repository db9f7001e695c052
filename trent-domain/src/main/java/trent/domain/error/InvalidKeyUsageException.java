package trent.domain.error;

/** Wire error {@code InvalidKeyUsageException}. */
public final class InvalidKeyUsageException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidKeyUsageException";

  public InvalidKeyUsageException(String message) {
    super(CODE, message);
  }
}
