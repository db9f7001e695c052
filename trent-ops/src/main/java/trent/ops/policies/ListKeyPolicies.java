package trent.ops.policies;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/** ListKeyPolicies (OPERATIONS.md "ListKeyPolicies"): always the one name {@code default}, never truncated. */
public final class ListKeyPolicies extends BaseOperation<ListKeyPolicies.Request, ListKeyPolicies.Response> {

  public record Request(String keyId, Integer limit, String marker) {}

  public record Response(List<String> policyNames, String nextMarker, boolean truncated) {}

  private final Keys keys;
  private final Access access;

  public ListKeyPolicies(Keys keys, Access access) {
    super("ListKeyPolicies", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    return new Response(List.of(PolicyNames.DEFAULT), null, false);
  }
}
