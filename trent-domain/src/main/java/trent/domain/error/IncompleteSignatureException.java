package trent.domain.error;

/** Wire error {@code IncompleteSignatureException}. */
public final class IncompleteSignatureException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "IncompleteSignatureException";

  public IncompleteSignatureException(String message) {
    super(CODE, message);
  }
}
