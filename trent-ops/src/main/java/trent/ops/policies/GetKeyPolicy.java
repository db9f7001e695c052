package trent.ops.policies;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/** GetKeyPolicy (OPERATIONS.md "GetKeyPolicy"): the policy text exactly as it was set; every key state. */
public final class GetKeyPolicy extends BaseOperation<GetKeyPolicy.Request, GetKeyPolicy.Response> {

  public record Request(String keyId, String policyName) {}

  public record Response(String policy, String policyName) {}

  private final Keys keys;
  private final Access access;

  public GetKeyPolicy(Keys keys, Access access) {
    super("GetKeyPolicy", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    PolicyNames.requireDefault(in.policyName());
    return new Response(key.record().policy(), PolicyNames.DEFAULT);
  }
}
