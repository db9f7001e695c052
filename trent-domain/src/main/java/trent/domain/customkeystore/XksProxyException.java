package trent.domain.customkeystore;

/**
 * Why a call to an external key store proxy failed: the proxy's {@code errorName}, or what went
 * wrong before there was one. {@link XksErrors} turns it into the error AWS answers for the KMS
 * operation at hand. The message is for the log only; it never holds a secret or a plaintext.
 */
public final class XksProxyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The failures of the specification's error table, in its order, then the transport's. */
  public enum Kind {
    VALIDATION,
    INVALID_STATE,
    INVALID_CIPHERTEXT,
    INVALID_KEY_USAGE,
    AUTHENTICATION_FAILED,
    ACCESS_DENIED,
    KEY_NOT_FOUND,
    INVALID_URI_PATH,
    THROTTLING,
    UNSUPPORTED_OPERATION,
    DEPENDENCY_TIMEOUT,
    INTERNAL,
    /** No TCP connection. */
    NOT_REACHABLE,
    /** No TLS connection (handshake or certificate). */
    TLS,
    /** No answer in time. */
    TIMEOUT,
    /** An answer that is not the specification's (status, body or members). */
    MALFORMED_RESPONSE;

    /** The kind for a proxy's {@code errorName}; MALFORMED_RESPONSE for a name the specification does not have. */
    public static Kind ofErrorName(String errorName) {
      if (errorName == null) {
        return MALFORMED_RESPONSE;
      }
      return switch (errorName) {
        case "ValidationException" -> VALIDATION;
        case "InvalidStateException" -> INVALID_STATE;
        case "InvalidCiphertextException" -> INVALID_CIPHERTEXT;
        case "InvalidKeyUsageException" -> INVALID_KEY_USAGE;
        case "AuthenticationFailedException" -> AUTHENTICATION_FAILED;
        case "AccessDeniedException" -> ACCESS_DENIED;
        case "KeyNotFoundException" -> KEY_NOT_FOUND;
        case "InvalidUriPathException" -> INVALID_URI_PATH;
        case "ThrottlingException" -> THROTTLING;
        case "UnsupportedOperationException" -> UNSUPPORTED_OPERATION;
        case "DependencyTimeoutException" -> DEPENDENCY_TIMEOUT;
        case "InternalException" -> INTERNAL;
        default -> MALFORMED_RESPONSE;
      };
    }
  }

  private final Kind kind;

  public XksProxyException(Kind kind, String message) {
    this(kind, message, null);
  }

  public XksProxyException(Kind kind, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
