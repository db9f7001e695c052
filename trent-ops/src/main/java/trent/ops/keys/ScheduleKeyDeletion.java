package trent.ops.keys;

import java.time.Instant;
import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/**
 * ScheduleKeyDeletion (OPERATIONS.md "ScheduleKeyDeletion"). The waiting period's documented
 * bounds (7..30 days) are checked with the model's constraints before this runs.
 */
public final class ScheduleKeyDeletion extends BaseOperation<ScheduleKeyDeletion.Request, ScheduleKeyDeletion.Response> {

  public record Request(String keyId, Integer pendingWindowInDays) {}

  public record Response(String keyId, Instant deletionDate, String keyState, Integer pendingWindowInDays) {}

  static final int DEFAULT_PENDING_WINDOW_IN_DAYS = 30;

  private final Keys keys;
  private final Access access;

  public ScheduleKeyDeletion(Keys keys, Access access) {
    super("ScheduleKeyDeletion", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    int days = in.pendingWindowInDays() == null ? DEFAULT_PENDING_WINDOW_IN_DAYS : in.pendingWindowInDays();
    KmsKey found = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, found, name(), List.of());
    KmsKey key = keys.scheduleDeletion(scope(context), found.keyId(), days, k -> { });
    // A multi-Region primary waiting for its replicas (PendingReplicaDeletion) has no deletion date yet.
    return new Response(key.arn(), key.deletionDate().orElse(null), key.state().name(), days);
  }
}
