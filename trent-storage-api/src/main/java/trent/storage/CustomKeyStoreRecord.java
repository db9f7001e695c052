package trent.storage;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A custom key store as stored. Enumerated values (type, connectivity, connection state and error
 * code) are stored as their AWS names; the domain gives them meaning. Members of the other type
 * of store are null.
 *
 * <p>The one secret of a store (a CloudHSM key store's {@code kmsuser} password, an external key
 * store's proxy secret access key) is kept only wrapped under the root of trust, like key material:
 * the store never sees it in the clear and does not interpret the wrapped bytes.
 *
 * @param customKeyStoreId {@code cks-} and 17 hex digits; unique in the store
 * @param account the owning account id
 * @param region the Region the store lives in
 * @param name the CustomKeyStoreName, unique per account and Region
 * @param type {@code AWS_CLOUDHSM} or {@code EXTERNAL_KEY_STORE}
 * @param cloudHsmClusterId a CloudHSM key store's cluster id
 * @param trustAnchorCertificate a CloudHSM key store's trust anchor certificate (PEM)
 * @param xksProxyConnectivity {@code PUBLIC_ENDPOINT} or {@code VPC_ENDPOINT_SERVICE}
 * @param xksProxyUriEndpoint e.g. {@code https://xks.example.com}
 * @param xksProxyUriPath e.g. {@code /example/kms/xks/v1}
 * @param xksProxyVpcEndpointServiceName the VPC endpoint service name, with VPC_ENDPOINT_SERVICE
 * @param xksProxyVpcEndpointServiceOwner the account owning that service, when given
 * @param xksProxyAccessKeyId the access key id KMS signs proxy requests with (not secret: AWS returns it)
 * @param wrappedSecret the password or proxy secret, wrapped (opaque)
 * @param connectionState e.g. {@code DISCONNECTED}
 * @param connectionErrorCode why the last connection failed; null unless the state is FAILED
 * @param creationDate when the store was created
 * @param version optimistic-concurrency version: 0 for a new record, incremented by each update
 */
public record CustomKeyStoreRecord(
    String customKeyStoreId,
    String account,
    String region,
    String name,
    String type,
    String cloudHsmClusterId,
    String trustAnchorCertificate,
    String xksProxyConnectivity,
    String xksProxyUriEndpoint,
    String xksProxyUriPath,
    String xksProxyVpcEndpointServiceName,
    String xksProxyVpcEndpointServiceOwner,
    String xksProxyAccessKeyId,
    byte[] wrappedSecret,
    String connectionState,
    String connectionErrorCode,
    Instant creationDate,
    long version) {

  public CustomKeyStoreRecord {
    Objects.requireNonNull(customKeyStoreId, "customKeyStoreId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(connectionState, "connectionState");
    Objects.requireNonNull(creationDate, "creationDate");
    wrappedSecret = wrappedSecret.clone();
  }

  @Override
  public byte[] wrappedSecret() {
    return wrappedSecret.clone();
  }

  /** This record with another version, every other field kept (what an update stores). */
  public CustomKeyStoreRecord withVersion(long newVersion) {
    return new CustomKeyStoreRecord(customKeyStoreId, account, region, name, type, cloudHsmClusterId,
        trustAnchorCertificate, xksProxyConnectivity, xksProxyUriEndpoint, xksProxyUriPath,
        xksProxyVpcEndpointServiceName, xksProxyVpcEndpointServiceOwner, xksProxyAccessKeyId, wrappedSecret,
        connectionState, connectionErrorCode, creationDate, newVersion);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomKeyStoreRecord r
        && customKeyStoreId.equals(r.customKeyStoreId)
        && account.equals(r.account)
        && region.equals(r.region)
        && name.equals(r.name)
        && type.equals(r.type)
        && Objects.equals(cloudHsmClusterId, r.cloudHsmClusterId)
        && Objects.equals(trustAnchorCertificate, r.trustAnchorCertificate)
        && Objects.equals(xksProxyConnectivity, r.xksProxyConnectivity)
        && Objects.equals(xksProxyUriEndpoint, r.xksProxyUriEndpoint)
        && Objects.equals(xksProxyUriPath, r.xksProxyUriPath)
        && Objects.equals(xksProxyVpcEndpointServiceName, r.xksProxyVpcEndpointServiceName)
        && Objects.equals(xksProxyVpcEndpointServiceOwner, r.xksProxyVpcEndpointServiceOwner)
        && Objects.equals(xksProxyAccessKeyId, r.xksProxyAccessKeyId)
        && Arrays.equals(wrappedSecret, r.wrappedSecret)
        && connectionState.equals(r.connectionState)
        && Objects.equals(connectionErrorCode, r.connectionErrorCode)
        && creationDate.equals(r.creationDate)
        && version == r.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(customKeyStoreId, name, version);
  }

  /** Names the store and its state; never the wrapped secret. */
  @Override
  public String toString() {
    return "CustomKeyStoreRecord[" + customKeyStoreId + ", " + type + ", " + connectionState + ", version " + version
        + "]";
  }
}
