package trent.ops.keys;

import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** DisableKey (OPERATIONS.md "DisableKey"). */
public final class DisableKey extends BaseOperation<KeyIdRequest, NoOutput> {

  private final Keys keys;

  public DisableKey(Keys keys) {
    super("DisableKey", KeyIdRequest.class, true);
    this.keys = keys;
  }

  @Override
  public NoOutput execute(KeyIdRequest in, CallContext context) {
    keys.change(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN, KmsKey::disable);
    return NoOutput.INSTANCE;
  }
}
