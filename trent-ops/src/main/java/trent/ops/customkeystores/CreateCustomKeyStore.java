package trent.ops.customkeystores;

import java.nio.charset.StandardCharsets;
import trent.crypto.SecretBytes;
import trent.domain.customkeystore.CustomKeyStoreType;
import trent.domain.customkeystore.CustomKeyStores;
import trent.domain.customkeystore.NewCustomKeyStore;
import trent.domain.customkeystore.XksProxyConnectivity;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/**
 * CreateCustomKeyStore (OPERATIONS.md "CreateCustomKeyStore"): an AWS CloudHSM key store needs
 * CloudHsmClusterId, TrustAnchorCertificate and KeyStorePassword; an external key store needs
 * XksProxyUriEndpoint, XksProxyUriPath, XksProxyAuthenticationCredential and XksProxyConnectivity,
 * and with VPC_ENDPOINT_SERVICE connectivity XksProxyVpcEndpointServiceName. Neither takes the
 * other's members. Blocking: it writes, and an external key store's proxy is asked for its health.
 */
public final class CreateCustomKeyStore extends BaseOperation<CreateCustomKeyStore.Request, CreateCustomKeyStore.Response> {

  public record Request(
      String customKeyStoreName,
      String cloudHsmClusterId,
      String trustAnchorCertificate,
      String keyStorePassword,
      String customKeyStoreType,
      String xksProxyUriEndpoint,
      String xksProxyUriPath,
      String xksProxyVpcEndpointServiceName,
      String xksProxyVpcEndpointServiceOwner,
      XksProxyAuthenticationCredential xksProxyAuthenticationCredential,
      String xksProxyConnectivity) {

    @Override
    public String toString() {
      return "CreateCustomKeyStore.Request[" + customKeyStoreName + ", " + customKeyStoreType + "]";
    }
  }

  public record Response(String customKeyStoreId) {}

  private final CustomKeyStores stores;
  private final Access access;

  public CreateCustomKeyStore(CustomKeyStores stores, Access access) {
    super("CreateCustomKeyStore", Request.class, true);
    this.stores = stores;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    CustomKeyStoreType type = in.customKeyStoreType() == null ? CustomKeyStoreType.AWS_CLOUDHSM
        : CustomKeyStoreType.valueOf(in.customKeyStoreType());
    XksProxyConnectivity connectivity = in.xksProxyConnectivity() == null ? null
        : XksProxyConnectivity.valueOf(in.xksProxyConnectivity());
    requireMembersOf(type, in, connectivity);
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    boolean external = type == CustomKeyStoreType.EXTERNAL_KEY_STORE;
    try (SecretBytes secret = external ? in.xksProxyAuthenticationCredential().secret()
        : SecretBytes.copyOf(in.keyStorePassword().getBytes(StandardCharsets.UTF_8))) {
      NewCustomKeyStore request = new NewCustomKeyStore(in.customKeyStoreName(), type, in.cloudHsmClusterId(),
          in.trustAnchorCertificate(), connectivity, in.xksProxyUriEndpoint(), in.xksProxyUriPath(),
          in.xksProxyVpcEndpointServiceName(), in.xksProxyVpcEndpointServiceOwner(),
          external ? in.xksProxyAuthenticationCredential().accessKeyId() : null, secret);
      return new Response(stores.create(scope(context), request, context.requestId()).id());
    }
  }

  private static void requireMembersOf(CustomKeyStoreType type, Request in, XksProxyConnectivity connectivity) {
    String condition = StoreMembers.forType(type);
    if (type == CustomKeyStoreType.AWS_CLOUDHSM) {
      StoreMembers.requirePresent(in.cloudHsmClusterId(), "CloudHsmClusterId", condition);
      StoreMembers.requirePresent(in.trustAnchorCertificate(), "TrustAnchorCertificate", condition);
      StoreMembers.requirePresent(in.keyStorePassword(), "KeyStorePassword", condition);
      StoreMembers.requireAbsent(in.xksProxyUriEndpoint(), "XksProxyUriEndpoint", condition);
      StoreMembers.requireAbsent(in.xksProxyUriPath(), "XksProxyUriPath", condition);
      StoreMembers.requireAbsent(in.xksProxyVpcEndpointServiceName(), "XksProxyVpcEndpointServiceName", condition);
      StoreMembers.requireAbsent(in.xksProxyVpcEndpointServiceOwner(), "XksProxyVpcEndpointServiceOwner", condition);
      StoreMembers.requireAbsent(in.xksProxyAuthenticationCredential(), "XksProxyAuthenticationCredential", condition);
      StoreMembers.requireAbsent(in.xksProxyConnectivity(), "XksProxyConnectivity", condition);
      StoreMembers.requireCertificate(in.trustAnchorCertificate());
      return;
    }
    StoreMembers.requireAbsent(in.cloudHsmClusterId(), "CloudHsmClusterId", condition);
    StoreMembers.requireAbsent(in.trustAnchorCertificate(), "TrustAnchorCertificate", condition);
    StoreMembers.requireAbsent(in.keyStorePassword(), "KeyStorePassword", condition);
    StoreMembers.requirePresent(in.xksProxyUriEndpoint(), "XksProxyUriEndpoint", condition);
    StoreMembers.requirePresent(in.xksProxyUriPath(), "XksProxyUriPath", condition);
    StoreMembers.requirePresent(in.xksProxyAuthenticationCredential(), "XksProxyAuthenticationCredential", condition);
    StoreMembers.requirePresent(in.xksProxyConnectivity(), "XksProxyConnectivity", condition);
    StoreMembers.requireConnectivityFits(connectivity, in.xksProxyVpcEndpointServiceName(),
        in.xksProxyVpcEndpointServiceOwner());
  }
}
