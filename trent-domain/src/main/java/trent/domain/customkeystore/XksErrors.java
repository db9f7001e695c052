package trent.domain.customkeystore;

import trent.domain.error.CustomKeyStoreInvalidStateException;
import trent.domain.error.KMSInvalidStateException;
import trent.domain.error.KmsException;
import trent.domain.error.XksKeyInvalidConfigurationException;
import trent.domain.error.XksKeyNotFoundException;
import trent.domain.error.XksProxyIncorrectAuthenticationCredentialException;
import trent.domain.error.XksProxyInvalidConfigurationException;
import trent.domain.error.XksProxyInvalidResponseException;
import trent.domain.error.XksProxyUriUnreachableException;

/**
 * The errors AWS answers when an external key store proxy call fails, and the connection error
 * code a failed connection gets. The exception types and every message are those of the table
 * "KMS Considerations" under "Error Codes" in the XKS proxy API specification
 * (aws/aws-kms-xksproxy-api-spec, spec/xks_proxy_api_spec.md): KMS does not pass the proxy's own
 * {@code errorMessage} on, and neither does Trent.
 */
public final class XksErrors {

  static final String CANNOT_INTERPRET = "AWS KMS cannot interpret the response from the external key store proxy."
      + " If you see this error repeatedly, report it to your external key store proxy administrator.";

  private XksErrors() {}

  /** The specification's message for a failure. */
  public static String message(XksProxyException.Kind kind) {
    return switch (kind) {
      case VALIDATION, MALFORMED_RESPONSE -> CANNOT_INTERPRET;
      case INVALID_STATE -> "The external key associated with this KMS key in an external key store is not enabled in"
          + " the external HSM. Enable the external key in the external HSM and retry the request.";
      case INVALID_CIPHERTEXT -> "The external key store proxy rejected the request because the specified ciphertext or"
          + " encryption context is corrupted, missing, or otherwise invalid.";
      case INVALID_KEY_USAGE -> "The external key associated with this KMS key in an external key store does not"
          + " support the requested operation. Enable the operation on the key in your external HSM, and try the"
          + " request again.";
      case AUTHENTICATION_FAILED -> "The external key store proxy rejected the request because it could not"
          + " authenticate AWS KMS. Verify the XKS proxy authentication credentials for your external key store and"
          + " update if necessary.";
      case ACCESS_DENIED -> "The external key store proxy denied access to the operation. Verify that the user and the"
          + " external key are both authorized for this operation, and try the request again.";
      case KEY_NOT_FOUND -> "The external key associated with this KMS key in an external key store was not found in"
          + " its external HSM. If the external key ID associated with this KMS key is incorrect, create a new KMS key"
          + " with the correct external key ID.";
      case INVALID_URI_PATH -> "The external key store proxy rejected the request because of an invalid URI path."
          + " Verify the URI path for your external key store and update if necessary.";
      case UNSUPPORTED_OPERATION -> "The external key store proxy rejected the request because it does not support the"
          + " requested operation. If you see this error repeatedly, report it to your external key store proxy"
          + " administrator.";
      case DEPENDENCY_TIMEOUT -> "The external key store proxy did not respond to the request in the time allotted."
          + " Retry the request. If you see this error repeatedly, report it to your external key store proxy"
          + " administrator.";
      case THROTTLING -> "The external key store proxy rejected the request due to a very high request rate. Reduce"
          + " the frequency of your calls using KMS keys in this external key store.";
      case INTERNAL -> "The external key store proxy rejected the request because it cannot communicate with the"
          + " external HSM. Verify that the external key store proxy configuration is correct and that the external"
          + " HSM is available.";
      case NOT_REACHABLE -> "AWS KMS cannot communicate with the external key store proxy. This might be a transient"
          + " network issue. If you see this error repeatedly, verify that your external key store proxy is active and"
          + " is connected to the network, and that its endpoint URI is correct in your external keystore.";
      case TLS -> "AWS KMS cannot establish a TLS connection to the external key store proxy. Verify the TLS"
          + " configuration, including its certificate.";
      case TIMEOUT -> "AWS KMS rejected the request because the external key store proxy did not respond in time."
          + " Retry the request. If you see this error repeatedly, report it to your external key store proxy"
          + " administrator.";
    };
  }

  /** The error of CreateCustomKeyStore and UpdateCustomKeyStore, whose health check failed. */
  public static KmsException forStoreSettings(XksProxyException e) {
    String message = message(e.kind());
    return switch (e.kind()) {
      case AUTHENTICATION_FAILED -> new XksProxyIncorrectAuthenticationCredentialException(message);
      case INVALID_URI_PATH -> new XksProxyInvalidConfigurationException(message);
      case DEPENDENCY_TIMEOUT, THROTTLING, NOT_REACHABLE, TLS, TIMEOUT -> new XksProxyUriUnreachableException(message);
      default -> new XksProxyInvalidResponseException(message);
    };
  }

  /** The error of CreateKey, whose GetKeyMetadata call failed. */
  public static KmsException forCreateKey(XksProxyException e) {
    String message = message(e.kind());
    return switch (e.kind()) {
      case INVALID_STATE, INVALID_KEY_USAGE -> new XksKeyInvalidConfigurationException(message);
      case KEY_NOT_FOUND -> new XksKeyNotFoundException(message);
      case ACCESS_DENIED -> new KMSInvalidStateException(message);
      default -> new CustomKeyStoreInvalidStateException(message);
    };
  }

  /** The error of a cryptographic operation: always KMSInvalidStateException, with the failure's text. */
  public static KmsException forCryptographicOperation(XksProxyException e) {
    return new KMSInvalidStateException(message(e.kind()));
  }

  /** The ConnectionErrorCode of a connection whose health check failed this way. */
  public static String connectionErrorCode(XksProxyException.Kind kind) {
    return switch (kind) {
      case AUTHENTICATION_FAILED -> "INVALID_CREDENTIALS";
      case ACCESS_DENIED -> "XKS_PROXY_ACCESS_DENIED";
      case INVALID_URI_PATH -> "XKS_PROXY_INVALID_CONFIGURATION";
      case NOT_REACHABLE, THROTTLING -> "XKS_PROXY_NOT_REACHABLE";
      case TLS -> "XKS_PROXY_INVALID_TLS_CONFIGURATION";
      case TIMEOUT, DEPENDENCY_TIMEOUT -> "XKS_PROXY_TIMED_OUT";
      default -> "XKS_PROXY_INVALID_RESPONSE";
    };
  }

  /** CreateKey: the external key is not an enabled AES-256 key for encryption and decryption. */
  // unconfirmed: AWS's text; the words are the API reference's description of the exception.
  public static XksKeyInvalidConfigurationException keyNotUsable() {
    return new XksKeyInvalidConfigurationException("The external key specified by the XksKeyId parameter did not"
        + " meet the configuration requirements for an external key store. The external key must be an AES-256"
        + " symmetric key that is enabled and performs encryption and decryption.");
  }
}
