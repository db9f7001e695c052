package trent.domain.error;

/** Wire error {@code ExpiredImportTokenException}. */
public final class ExpiredImportTokenException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "ExpiredImportTokenException";

  public ExpiredImportTokenException(String message) {
    super(CODE, message);
  }
}
