package trent.ops.rotation;

import trent.domain.key.Rotations;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;
import trent.ops.keys.KeyIdRequest;

/** DisableKeyRotation (OPERATIONS.md "DisableKeyRotation"). */
public final class DisableKeyRotation extends BaseOperation<KeyIdRequest, NoOutput> {

  private final Rotations rotations;

  public DisableKeyRotation(Rotations rotations) {
    super("DisableKeyRotation", KeyIdRequest.class, true);
    this.rotations = rotations;
  }

  @Override
  public NoOutput execute(KeyIdRequest in, CallContext context) {
    rotations.disable(scope(context), in.keyId());
    return NoOutput.INSTANCE;
  }
}
