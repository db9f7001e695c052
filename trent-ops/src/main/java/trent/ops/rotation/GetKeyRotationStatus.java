package trent.ops.rotation;

import java.time.Instant;
import java.util.List;
import trent.domain.Scope;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.key.Rotations;
import trent.domain.key.Rotations.Status;
import trent.ops.Access;
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
  private final Keys keys;
  private final Access access;

  public GetKeyRotationStatus(Rotations rotations, Keys keys, Access access) {
    super("GetKeyRotationStatus", KeyIdRequest.class, true);
    this.rotations = rotations;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(KeyIdRequest in, CallContext context) {
    KmsKey key = keys.findAcrossAccounts(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    Status status = rotations.status(new Scope(key.account(), key.region()), key.keyId());
    return new Response(status.enabled(), status.key().keyId(), status.rotationPeriodInDays(),
        status.nextRotationDate(), null);
  }
}
