package trent.domain.error;

/** Wire error {@code InvalidImportTokenException}. */
public final class InvalidImportTokenException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidImportTokenException";

  public InvalidImportTokenException(String message) {
    super(CODE, message);
  }
}
