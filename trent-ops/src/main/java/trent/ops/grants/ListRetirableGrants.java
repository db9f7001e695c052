package trent.ops.grants;

import java.util.List;
import trent.domain.Page;
import trent.domain.error.ValidationException;
import trent.domain.grant.Grant;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/**
 * ListRetirableGrants (OPERATIONS.md "ListRetirableGrants"): grants on any key whose retiring
 * principal is the given one. An IAM-only permission.
 */
public final class ListRetirableGrants extends BaseOperation<ListRetirableGrants.Request, ListGrants.Response> {

  public record Request(Integer limit, String marker, String retiringPrincipal, String retiringServicePrincipal) {}

  private final Keys keys;
  private final Access access;

  public ListRetirableGrants(Keys keys, Access access) {
    super("ListRetirableGrants", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public ListGrants.Response execute(Request in, CallContext context) {
    if ((in.retiringPrincipal() == null) == (in.retiringServicePrincipal() == null)) {
      // Trent's text (unconfirmed): the model makes both optional, the documentation requires one.
      throw new ValidationException("Specify exactly one of RetiringPrincipal and RetiringServicePrincipal.");
    }
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    if (in.retiringServicePrincipal() != null) {
      return new ListGrants.Response(List.of(), null, false);
    }
    int limit = in.limit() == null ? ListGrants.DEFAULT_LIMIT : in.limit();
    Page<Grant> page = access.grants().listRetirable(in.retiringPrincipal(), in.marker(), limit);
    List<GrantListEntry> entries = page.items().stream()
        .map(g -> GrantListEntry.of(g, keys.findById(g.keyId(), g.region()).map(KmsKey::arn).orElse(g.keyId())))
        .toList();
    return new ListGrants.Response(entries, page.nextMarker().orElse(null), page.truncated());
  }
}
