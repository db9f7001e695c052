package trent.ops.grants;

import java.util.List;
import trent.domain.Page;
import trent.domain.grant.Grant;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/** ListGrants (OPERATIONS.md "ListGrants"): the key's grants by grant id, optionally one grant id or one grantee. */
public final class ListGrants extends BaseOperation<ListGrants.Request, ListGrants.Response> {

  public record Request(Integer limit, String marker, String keyId, String grantId, String granteePrincipal,
      String granteeServicePrincipal) {}

  public record Response(List<GrantListEntry> grants, String nextMarker, boolean truncated) {}

  /** The documented default page size. */
  static final int DEFAULT_LIMIT = 50;

  private final Keys keys;
  private final Access access;

  public ListGrants(Keys keys, Access access) {
    super("ListGrants", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = keys.findAcrossAccounts(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of(), java.util.Map.of(), b -> {
      b.condition("kms:GrantIsForAWSResource", "false");
      if (in.granteePrincipal() != null) {
        b.condition("kms:GranteePrincipal", in.granteePrincipal());
      }
    });
    if (in.granteeServicePrincipal() != null) {
      return new Response(List.of(), null, false);
    }
    int limit = in.limit() == null ? DEFAULT_LIMIT : in.limit();
    Page<Grant> page = access.grants().list(key, in.grantId(), in.granteePrincipal(), in.marker(), limit);
    List<GrantListEntry> entries = page.items().stream().map(g -> GrantListEntry.of(g, key)).toList();
    return new Response(entries, page.nextMarker().orElse(null), page.truncated());
  }
}
