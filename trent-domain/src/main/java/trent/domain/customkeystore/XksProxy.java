package trent.domain.customkeystore;

import java.util.List;
import java.util.Objects;
import trent.crypto.SecretBytes;

/**
 * The external key store proxy API (aws/aws-kms-xksproxy-api-spec, version 1) as the domain uses
 * it: the proxy's health, an external key's metadata, and AES-GCM encryption and decryption with
 * an external key.
 *
 * <p>Guarantees every implementation gives: a call either returns the proxy's well-formed answer
 * or throws {@link XksProxyException} saying why not (never a partial or made-up answer); the
 * secret access key is used only to sign requests and never logged; plaintexts are never logged.
 */
public interface XksProxy {

  /**
   * Where a store's proxy is and how to sign requests to it.
   *
   * @param uriEndpoint {@code https://host[:port]}
   * @param uriPath the path prefix ending in {@code /kms/xks/v1}
   * @param accessKeyId the SigV4 access key id
   * @param secretAccessKey the SigV4 secret (owned by the caller, who destroys it)
   * @param region the Region KMS signs for (the store's Region)
   */
  record Endpoint(String uriEndpoint, String uriPath, String accessKeyId, SecretBytes secretAccessKey, String region) {
    public Endpoint {
      Objects.requireNonNull(uriEndpoint, "uriEndpoint");
      Objects.requireNonNull(uriPath, "uriPath");
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      Objects.requireNonNull(region, "region");
    }

    @Override
    public String toString() {
      return "Endpoint[" + uriEndpoint + uriPath + ", accessKeyId=" + accessKeyId + "]";
    }
  }

  /**
   * The requestMetadata of a call.
   *
   * @param awsPrincipalArn the caller (null for GetHealthStatus)
   * @param kmsKeyArn the KMS key (null when there is none yet)
   * @param kmsOperation the KMS operation that led to the call
   * @param kmsRequestId the KMS request id
   */
  record RequestMetadata(String awsPrincipalArn, String kmsKeyArn, String kmsOperation, String kmsRequestId) {}

  /** GetKeyMetadata's answer. */
  record KeyMetadata(String keySpec, List<String> keyUsage, String keyStatus) {}

  /** Encrypt's answer: the parts the ciphertext blob carries. */
  record Encrypted(byte[] ciphertext, byte[] ciphertextMetadata, byte[] initializationVector,
      byte[] authenticationTag) {}

  /** GetHealthStatus: returns normally when the proxy answered 200 with a well-formed body. */
  void health(Endpoint endpoint, RequestMetadata metadata);

  KeyMetadata keyMetadata(Endpoint endpoint, String externalKeyId, RequestMetadata metadata);

  Encrypted encrypt(Endpoint endpoint, String externalKeyId, SecretBytes plaintext, byte[] additionalAuthenticatedData,
      RequestMetadata metadata);

  /** @return the plaintext; the caller owns it and destroys it */
  SecretBytes decrypt(Endpoint endpoint, String externalKeyId, Encrypted encrypted, byte[] additionalAuthenticatedData,
      RequestMetadata metadata);

  /** A proxy nothing can reach: every call fails with {@link XksProxyException.Kind#NOT_REACHABLE}. */
  XksProxy UNREACHABLE = new XksProxy() {
    @Override
    public void health(Endpoint endpoint, RequestMetadata metadata) {
      throw new XksProxyException(XksProxyException.Kind.NOT_REACHABLE, "no external key store proxy client");
    }

    @Override
    public KeyMetadata keyMetadata(Endpoint endpoint, String externalKeyId, RequestMetadata metadata) {
      throw new XksProxyException(XksProxyException.Kind.NOT_REACHABLE, "no external key store proxy client");
    }

    @Override
    public Encrypted encrypt(Endpoint endpoint, String externalKeyId, SecretBytes plaintext, byte[] aad,
        RequestMetadata metadata) {
      throw new XksProxyException(XksProxyException.Kind.NOT_REACHABLE, "no external key store proxy client");
    }

    @Override
    public SecretBytes decrypt(Endpoint endpoint, String externalKeyId, Encrypted encrypted, byte[] aad,
        RequestMetadata metadata) {
      throw new XksProxyException(XksProxyException.Kind.NOT_REACHABLE, "no external key store proxy client");
    }
  };
}
