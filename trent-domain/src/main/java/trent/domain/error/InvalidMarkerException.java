package trent.domain.error;

/** Wire error {@code InvalidMarkerException}. */
public final class InvalidMarkerException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "InvalidMarkerException";

  public InvalidMarkerException(String message) {
    super(CODE, message);
  }

  public static InvalidMarkerException invalidMarker() {
    return new InvalidMarkerException("Invalid marker.");
  }
}
