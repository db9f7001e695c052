package trent.ops.keys;

import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** UpdateKeyDescription (OPERATIONS.md "UpdateKeyDescription"). */
public final class UpdateKeyDescription extends BaseOperation<UpdateKeyDescription.Request, NoOutput> {

  public record Request(String keyId, String description) {}

  private final Keys keys;

  public UpdateKeyDescription(Keys keys) {
    super("UpdateKeyDescription", Request.class, true);
    this.keys = keys;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    keys.change(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN, k -> k.describe(in.description()));
    return NoOutput.INSTANCE;
  }
}
