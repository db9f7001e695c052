package trent.domain.customkeystore;

import trent.crypto.SecretBytes;

/**
 * What UpdateCustomKeyStore asks to change; a null member stays as it is. The operation checked
 * that the members fit the store's type.
 *
 * @param secret a new {@code kmsuser} password or proxy secret access key (UTF-8), owned by the caller
 */
public record CustomKeyStoreChange(
    String name,
    String cloudHsmClusterId,
    XksProxyConnectivity connectivity,
    String uriEndpoint,
    String uriPath,
    String vpcEndpointServiceName,
    String vpcEndpointServiceOwner,
    String accessKeyId,
    SecretBytes secret) {

  /** Whether only what AWS lets change on a connected external key store changes: name, path, credential. */
  public boolean onlyNamePathOrCredential() {
    return cloudHsmClusterId == null && connectivity == null && uriEndpoint == null && vpcEndpointServiceName == null
        && vpcEndpointServiceOwner == null;
  }

  @Override
  public String toString() {
    return "CustomKeyStoreChange[name=" + name + "]";
  }
}
