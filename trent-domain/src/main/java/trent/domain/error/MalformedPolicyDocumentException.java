package trent.domain.error;

/** Wire error {@code MalformedPolicyDocumentException}. */
public final class MalformedPolicyDocumentException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "MalformedPolicyDocumentException";

  public MalformedPolicyDocumentException(String message) {
    super(CODE, message);
  }
}
