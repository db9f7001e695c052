package trent.domain.error;

/** Wire error {@code IncorrectTrustAnchorException}. */
public final class IncorrectTrustAnchorException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "IncorrectTrustAnchorException";

  public IncorrectTrustAnchorException(String message) {
    super(CODE, message);
  }
}
