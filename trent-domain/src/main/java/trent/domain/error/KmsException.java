package trent.domain.error;

/**
 * The root of every error Trent reports to a caller.
 *
 * <p>There is exactly one final subclass per wire error code ({@code __type}). The wire code is an
 * explicit constant of each subclass, never derived from the class name, so a subclass may be named
 * differently where the AWS name would shadow a {@code java.lang} type. The protocol layer renders
 * every instance in one place from {@link #errorCode()}, {@link #fault()} and {@link #getMessage()}.
 *
 * <p>Messages are AWS's texts and are sent to the caller as they are: never put secrets, plaintext
 * or key material into one. Server faults carry a generic message; the cause goes to the log only.
 */
public abstract sealed class KmsException extends RuntimeException
    permits AccessDeniedException,
        AlreadyExistsException,
        CloudHsmClusterInUseException,
        CloudHsmClusterInvalidConfigurationException,
        CloudHsmClusterNotActiveException,
        CloudHsmClusterNotFoundException,
        CloudHsmClusterNotRelatedException,
        ConflictException,
        CustomKeyStoreHasCMKsException,
        CustomKeyStoreInvalidStateException,
        CustomKeyStoreNameInUseException,
        CustomKeyStoreNotFoundException,
        DependencyTimeoutException,
        DisabledException,
        DryRunOperationException,
        ExpiredImportTokenException,
        ExpiredTokenException,
        IncompleteSignatureException,
        IncorrectKeyException,
        IncorrectKeyMaterialException,
        IncorrectTrustAnchorException,
        InvalidAliasNameException,
        InvalidArnException,
        InvalidCiphertextException,
        InvalidGrantIdException,
        InvalidGrantTokenException,
        InvalidImportTokenException,
        InvalidKeyUsageException,
        InvalidMarkerException,
        InvalidSignatureException,
        KMSInternalException,
        KMSInvalidMacException,
        KMSInvalidSignatureException,
        KMSInvalidStateException,
        KeyUnavailableException,
        KmsUnsupportedOperationException,
        LimitExceededException,
        MalformedPolicyDocumentException,
        MissingAuthenticationTokenException,
        NotAuthorizedException,
        NotFoundException,
        SerializationException,
        TagException,
        ThrottlingException,
        UnknownOperationException,
        UnrecognizedClientException,
        ValidationException,
        XksKeyAlreadyInUseException,
        XksKeyInvalidConfigurationException,
        XksKeyNotFoundException,
        XksProxyIncorrectAuthenticationCredentialException,
        XksProxyInvalidConfigurationException,
        XksProxyInvalidResponseException,
        XksProxyUriEndpointInUseException,
        XksProxyUriInUseException,
        XksProxyUriUnreachableException,
        XksProxyVpcEndpointServiceInUseException,
        XksProxyVpcEndpointServiceInvalidConfigurationException,
        XksProxyVpcEndpointServiceNotFoundException {

  private static final long serialVersionUID = 1L;

  /** Who is to blame: client faults are answered with 400, server faults with 5xx. */
  public enum Fault { CLIENT, SERVER }

  private final String errorCode;
  private final int httpStatus;

  /** A client fault, sent with HTTP 400 as AWS KMS sends every client fault. */
  KmsException(String errorCode, String message) {
    this(errorCode, 400, message, null);
  }

  KmsException(String errorCode, int httpStatus, String message, Throwable cause) {
    super(message, cause, false, false);
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
  }

  /** The value of {@code __type} on the wire. */
  public final String errorCode() {
    return errorCode;
  }

  /** Whether the caller or the server is at fault. */
  public final Fault fault() {
    return httpStatus >= 500 ? Fault.SERVER : Fault.CLIENT;
  }

  /** The HTTP status this error is sent with. */
  public final int httpStatus() {
    return httpStatus;
  }
}
