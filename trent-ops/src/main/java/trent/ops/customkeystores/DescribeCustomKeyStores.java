package trent.ops.customkeystores;

import java.time.Instant;
import java.util.List;
import trent.domain.Page;
import trent.domain.customkeystore.CustomKeyStore;
import trent.domain.customkeystore.CustomKeyStores;
import trent.domain.error.ValidationException;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.storage.CustomKeyStoreRecord;

/**
 * DescribeCustomKeyStores (OPERATIONS.md "DescribeCustomKeyStores"): one store by id or by name,
 * or every store of the account and Region by id, in pages. Each entry has the members of its
 * type: CloudHsmClusterId and TrustAnchorCertificate, or XksProxyConfiguration; the connection
 * error code only while FAILED. The secret is never part of it.
 */
public final class DescribeCustomKeyStores
    extends BaseOperation<DescribeCustomKeyStores.Request, DescribeCustomKeyStores.Response> {

  public record Request(String customKeyStoreId, String customKeyStoreName, Integer limit, String marker) {}

  public record XksProxyConfiguration(String connectivity, String accessKeyId, String uriEndpoint, String uriPath,
      String vpcEndpointServiceName, String vpcEndpointServiceOwner) {}

  public record Entry(String customKeyStoreId, String customKeyStoreName, String cloudHsmClusterId,
      String trustAnchorCertificate, String connectionState, String connectionErrorCode, Instant creationDate,
      String customKeyStoreType, XksProxyConfiguration xksProxyConfiguration) {}

  public record Response(List<Entry> customKeyStores, String nextMarker, boolean truncated) {}

  static final int DEFAULT_LIMIT = 100;

  private final CustomKeyStores stores;
  private final Access access;

  public DescribeCustomKeyStores(CustomKeyStores stores, Access access) {
    super("DescribeCustomKeyStores", Request.class, true);
    this.stores = stores;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    if (in.customKeyStoreId() != null && in.customKeyStoreName() != null) {
      // unconfirmed: AWS's text; the API reference says to give one or the other, not both.
      throw new ValidationException("You cannot specify both CustomKeyStoreId and CustomKeyStoreName in the same"
          + " request.");
    }
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    int limit = in.limit() == null ? DEFAULT_LIMIT : in.limit();
    Page<CustomKeyStore> page = stores.describe(scope(context), in.customKeyStoreId(), in.customKeyStoreName(),
        in.marker(), limit);
    return new Response(page.items().stream().map(DescribeCustomKeyStores::entry).toList(),
        page.nextMarker().orElse(null), page.truncated());
  }

  static Entry entry(CustomKeyStore store) {
    CustomKeyStoreRecord r = store.record();
    XksProxyConfiguration xks = store.external()
        ? new XksProxyConfiguration(r.xksProxyConnectivity(), r.xksProxyAccessKeyId(), r.xksProxyUriEndpoint(),
            r.xksProxyUriPath(), r.xksProxyVpcEndpointServiceName(), r.xksProxyVpcEndpointServiceOwner())
        : null;
    return new Entry(store.id(), store.name(), r.cloudHsmClusterId(), r.trustAnchorCertificate(),
        r.connectionState(), r.connectionErrorCode(), r.creationDate(), r.type(), xks);
  }
}
