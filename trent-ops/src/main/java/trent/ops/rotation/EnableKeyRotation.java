package trent.ops.rotation;

import trent.domain.key.Rotations;
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

  public EnableKeyRotation(Rotations rotations) {
    super("EnableKeyRotation", Request.class, true);
    this.rotations = rotations;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    int days = in.rotationPeriodInDays() == null
        ? Rotations.DEFAULT_ROTATION_PERIOD_IN_DAYS : in.rotationPeriodInDays();
    rotations.enable(scope(context), in.keyId(), days);
    return NoOutput.INSTANCE;
  }
}
