package trent.ops.keys;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** DisableKey (OPERATIONS.md "DisableKey"). */
public final class DisableKey extends BaseOperation<KeyIdRequest, NoOutput> {

  private final Keys keys;
  private final Access access;

  public DisableKey(Keys keys, Access access) {
    super("DisableKey", KeyIdRequest.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(KeyIdRequest in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    keys.change(scope(context), key.keyId(), Forms.KEY_ID_OR_ARN, KmsKey::disable);
    return NoOutput.INSTANCE;
  }
}
