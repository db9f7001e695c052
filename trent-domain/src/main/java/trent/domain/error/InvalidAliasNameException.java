package trent.domain.error;

/** Wire error {@code InvalidAliasNameException}. */
public final class InvalidAliasNameException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidAliasNameException";

  public InvalidAliasNameException(String message) {
    super(CODE, message);
  }
}
