package trent.ops.keys;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/** CancelKeyDeletion (OPERATIONS.md "CancelKeyDeletion"): the key comes back Disabled. */
public final class CancelKeyDeletion extends BaseOperation<KeyIdRequest, CancelKeyDeletion.Response> {

  public record Response(String keyId) {}

  private final Keys keys;
  private final Access access;

  public CancelKeyDeletion(Keys keys, Access access) {
    super("CancelKeyDeletion", KeyIdRequest.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(KeyIdRequest in, CallContext context) {
    KmsKey found = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, found, name(), List.of());
    KmsKey key = keys.cancelDeletion(scope(context), found.keyId());
    return new Response(key.arn());
  }
}
