package trent.ops.keys;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** UpdateKeyDescription (OPERATIONS.md "UpdateKeyDescription"). */
public final class UpdateKeyDescription extends BaseOperation<UpdateKeyDescription.Request, NoOutput> {

  public record Request(String keyId, String description) {}

  private final Keys keys;
  private final Access access;

  public UpdateKeyDescription(Keys keys, Access access) {
    super("UpdateKeyDescription", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    keys.change(scope(context), key.keyId(), Forms.KEY_ID_OR_ARN, k -> k.describe(in.description()));
    return NoOutput.INSTANCE;
  }
}
