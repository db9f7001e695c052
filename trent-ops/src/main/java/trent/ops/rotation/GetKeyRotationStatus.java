package trent.ops.rotation;

import java.time.Instant;
import trent.domain.key.Rotations;
import trent.domain.key.Rotations.Status;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.keys.KeyIdRequest;

/**
 * GetKeyRotationStatus (OPERATIONS.md "GetKeyRotationStatus"). KeyId is the key id, as recorded
 * from AWS (LocalStack snapshot test_key_enable_rotation_status). OnDemandRotationStartDate is never
 * present: Trent completes an on-demand rotation within the request.
 */
public final class GetKeyRotationStatus extends BaseOperation<KeyIdRequest, GetKeyRotationStatus.Response> {

  public record Response(boolean keyRotationEnabled, String keyId, Integer rotationPeriodInDays,
      Instant nextRotationDate, Instant onDemandRotationStartDate) {}

  private final Rotations rotations;

  public GetKeyRotationStatus(Rotations rotations) {
    super("GetKeyRotationStatus", KeyIdRequest.class, true);
    this.rotations = rotations;
  }

  @Override
  public Response execute(KeyIdRequest in, CallContext context) {
    Status status = rotations.status(scope(context), in.keyId());
    return new Response(status.enabled(), status.key().keyId(), status.rotationPeriodInDays(),
        status.nextRotationDate(), null);
  }
}
