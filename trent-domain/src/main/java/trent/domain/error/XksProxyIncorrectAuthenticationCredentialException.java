package trent.domain.error;

/** Wire error {@code XksProxyIncorrectAuthenticationCredentialException}. */
public final class XksProxyIncorrectAuthenticationCredentialException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "XksProxyIncorrectAuthenticationCredentialException";

  public XksProxyIncorrectAuthenticationCredentialException(String message) {
    super(CODE, message);
  }
}
