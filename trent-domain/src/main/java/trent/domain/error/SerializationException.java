package trent.domain.error;

/** Wire error {@code SerializationException}. */
public final class SerializationException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "SerializationException";

  public SerializationException(String message) {
    super(CODE, message);
  }
}
