package trent.ops.customkeystores;

import java.nio.charset.StandardCharsets;
import trent.crypto.SecretBytes;
import trent.domain.customkeystore.CustomKeyStore;
import trent.domain.customkeystore.CustomKeyStoreChange;
import trent.domain.customkeystore.CustomKeyStoreType;
import trent.domain.customkeystore.CustomKeyStores;
import trent.domain.customkeystore.XksProxyConnectivity;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/**
 * UpdateCustomKeyStore (OPERATIONS.md "UpdateCustomKeyStore"): a CloudHSM key store takes a new
 * name, password or cluster; an external key store a new name, endpoint, path, credential,
 * connectivity or VPC endpoint service. The connection state rules are {@link CustomKeyStores}'.
 */
public final class UpdateCustomKeyStore extends BaseOperation<UpdateCustomKeyStore.Request, NoOutput> {

  public record Request(
      String customKeyStoreId,
      String newCustomKeyStoreName,
      String keyStorePassword,
      String cloudHsmClusterId,
      String xksProxyUriEndpoint,
      String xksProxyUriPath,
      String xksProxyVpcEndpointServiceName,
      String xksProxyVpcEndpointServiceOwner,
      XksProxyAuthenticationCredential xksProxyAuthenticationCredential,
      String xksProxyConnectivity) {

    @Override
    public String toString() {
      return "UpdateCustomKeyStore.Request[" + customKeyStoreId + "]";
    }
  }

  private final CustomKeyStores stores;
  private final Access access;

  public UpdateCustomKeyStore(CustomKeyStores stores, Access access) {
    super("UpdateCustomKeyStore", Request.class, true);
    this.stores = stores;
    this.access = access;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    CustomKeyStore store = stores.find(scope(context), in.customKeyStoreId());
    XksProxyConnectivity connectivity = in.xksProxyConnectivity() == null ? null
        : XksProxyConnectivity.valueOf(in.xksProxyConnectivity());
    requireMembersOf(store, in, connectivity);
    XksProxyAuthenticationCredential credential = in.xksProxyAuthenticationCredential();
    try (SecretBytes secret = credential != null ? credential.secret()
        : in.keyStorePassword() != null ? SecretBytes.copyOf(in.keyStorePassword().getBytes(StandardCharsets.UTF_8))
        : null) {
      stores.update(scope(context), store.id(), new CustomKeyStoreChange(in.newCustomKeyStoreName(),
          in.cloudHsmClusterId(), connectivity, in.xksProxyUriEndpoint(), in.xksProxyUriPath(),
          in.xksProxyVpcEndpointServiceName(), in.xksProxyVpcEndpointServiceOwner(),
          credential == null ? null : credential.accessKeyId(), secret), context.requestId());
    }
    return NoOutput.INSTANCE;
  }

  private static void requireMembersOf(CustomKeyStore store, Request in, XksProxyConnectivity connectivity) {
    String condition = StoreMembers.forType(store.type());
    if (store.type() == CustomKeyStoreType.AWS_CLOUDHSM) {
      StoreMembers.requireAbsent(in.xksProxyUriEndpoint(), "XksProxyUriEndpoint", condition);
      StoreMembers.requireAbsent(in.xksProxyUriPath(), "XksProxyUriPath", condition);
      StoreMembers.requireAbsent(in.xksProxyVpcEndpointServiceName(), "XksProxyVpcEndpointServiceName", condition);
      StoreMembers.requireAbsent(in.xksProxyVpcEndpointServiceOwner(), "XksProxyVpcEndpointServiceOwner", condition);
      StoreMembers.requireAbsent(in.xksProxyAuthenticationCredential(), "XksProxyAuthenticationCredential", condition);
      StoreMembers.requireAbsent(in.xksProxyConnectivity(), "XksProxyConnectivity", condition);
      return;
    }
    StoreMembers.requireAbsent(in.keyStorePassword(), "KeyStorePassword", condition);
    StoreMembers.requireAbsent(in.cloudHsmClusterId(), "CloudHsmClusterId", condition);
    XksProxyConnectivity effective = connectivity != null ? connectivity : store.connectivity().orElse(null);
    String serviceName = in.xksProxyVpcEndpointServiceName() != null ? in.xksProxyVpcEndpointServiceName()
        : effective == XksProxyConnectivity.VPC_ENDPOINT_SERVICE ? store.record().xksProxyVpcEndpointServiceName()
        : null;
    StoreMembers.requireConnectivityFits(effective, serviceName, in.xksProxyVpcEndpointServiceOwner());
  }
}
