package trent.ops.keys;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** EnableKey (OPERATIONS.md "EnableKey"). */
public final class EnableKey extends BaseOperation<KeyIdRequest, NoOutput> {

  private final Keys keys;
  private final Access access;

  public EnableKey(Keys keys, Access access) {
    super("EnableKey", KeyIdRequest.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(KeyIdRequest in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    keys.change(scope(context), key.keyId(), Forms.KEY_ID_OR_ARN, KmsKey::enable);
    return NoOutput.INSTANCE;
  }
}
