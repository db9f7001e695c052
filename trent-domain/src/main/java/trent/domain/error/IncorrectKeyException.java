package trent.domain.error;

/** Wire error {@code IncorrectKeyException}. */
public final class IncorrectKeyException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "IncorrectKeyException";

  public IncorrectKeyException(String message) {
    super(CODE, message);
  }

  /** Recorded AWS text. */
  public static IncorrectKeyException keyIdMismatch() {
    return new IncorrectKeyException("The key ID in the request does not identify a CMK that can perform this operation.");
  }
}
