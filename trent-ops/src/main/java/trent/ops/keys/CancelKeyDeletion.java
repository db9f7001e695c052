package trent.ops.keys;

import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/** CancelKeyDeletion (OPERATIONS.md "CancelKeyDeletion"): the key comes back Disabled. */
public final class CancelKeyDeletion extends BaseOperation<KeyIdRequest, CancelKeyDeletion.Response> {

  public record Response(String keyId) {}

  private final Keys keys;

  public CancelKeyDeletion(Keys keys) {
    super("CancelKeyDeletion", KeyIdRequest.class, true);
    this.keys = keys;
  }

  @Override
  public Response execute(KeyIdRequest in, CallContext context) {
    KmsKey key = keys.change(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN, KmsKey::cancelDeletion);
    return new Response(key.arn());
  }
}
