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

/**
 * EnableKeyRotation (OPERATIONS.md "EnableKeyRotation"). RotationPeriodInDays 90..2560 is checked
 * with the model's constraints before this runs; absent, it is 365.
 */
public final class EnableKeyRotation extends BaseOperation<EnableKeyRotation.Request, NoOutput> {

  public record Request(String keyId, Integer rotationPeriodInDays) {}

  private final Rotations rotations;
  private final Keys keys;
  private final Access access;

  public EnableKeyRotation(Rotations rotations, Keys keys, Access access) {
    super("EnableKeyRotation", Request.class, true);
    this.rotations = rotations;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    int days = in.rotationPeriodInDays() == null
        ? Rotations.DEFAULT_ROTATION_PERIOD_IN_DAYS : in.rotationPeriodInDays();
    rotations.enable(scope(context), key.keyId(), days);
    return NoOutput.INSTANCE;
  }
}
