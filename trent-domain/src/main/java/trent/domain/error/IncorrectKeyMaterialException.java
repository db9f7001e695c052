package trent.domain.error;

/** Wire error {@code IncorrectKeyMaterialException}. */
public final class IncorrectKeyMaterialException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "IncorrectKeyMaterialException";

  public IncorrectKeyMaterialException(String message) {
    super(CODE, message);
  }
}
