package trent.domain.customkeystore;

import java.util.Objects;
import trent.crypto.SecretBytes;

/**
 * What CreateCustomKeyStore asks for, after the operation checked which members the type needs.
 * Members of the other type are null.
 *
 * @param secret the CloudHSM {@code kmsuser} password, or the proxy's raw secret access key, as
 *     UTF-8; owned by the caller, who destroys it
 */
public record NewCustomKeyStore(
    String name,
    CustomKeyStoreType type,
    String cloudHsmClusterId,
    String trustAnchorCertificate,
    XksProxyConnectivity connectivity,
    String uriEndpoint,
    String uriPath,
    String vpcEndpointServiceName,
    String vpcEndpointServiceOwner,
    String accessKeyId,
    SecretBytes secret) {

  public NewCustomKeyStore {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "NewCustomKeyStore[" + name + ", " + type + "]";
  }
}
