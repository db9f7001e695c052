package trent.ops.keys;

import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** EnableKey (OPERATIONS.md "EnableKey"). */
public final class EnableKey extends BaseOperation<KeyIdRequest, NoOutput> {

  private final Keys keys;

  public EnableKey(Keys keys) {
    super("EnableKey", KeyIdRequest.class, true);
    this.keys = keys;
  }

  @Override
  public NoOutput execute(KeyIdRequest in, CallContext context) {
    keys.change(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN, KmsKey::enable);
    return NoOutput.INSTANCE;
  }
}
