package trent.ops.rotation;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.key.Rotations;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;
import trent.ops.keys.KeyIdRequest;

/** DisableKeyRotation (OPERATIONS.md "DisableKeyRotation"). */
public final class DisableKeyRotation extends BaseOperation<KeyIdRequest, NoOutput> {

  private final Rotations rotations;
  private final Keys keys;
  private final Access access;

  public DisableKeyRotation(Rotations rotations, Keys keys, Access access) {
    super("DisableKeyRotation", KeyIdRequest.class, true);
    this.rotations = rotations;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(KeyIdRequest in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    rotations.disable(scope(context), key.keyId());
    return NoOutput.INSTANCE;
  }
}
