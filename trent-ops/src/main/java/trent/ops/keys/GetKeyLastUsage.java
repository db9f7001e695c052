package trent.ops.keys;

import java.time.Instant;
import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.usage.KeyUsageTracker;
import trent.domain.usage.KeyUsageTracker.LastUsage;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/**
 * GetKeyLastUsage (OPERATIONS.md "GetKeyLastUsage"). Trent writes no CloudTrail, so
 * CloudTrailEventId carries the request id of the use, the same value as KmsRequestId.
 */
public final class GetKeyLastUsage extends BaseOperation<KeyIdRequest, GetKeyLastUsage.Response> {

  /** Every member absent when the key was not used since tracking began: rendered as {@code {}}. */
  public record KeyLastUsageData(String operation, Instant timestamp, String cloudTrailEventId, String kmsRequestId) {
    static final KeyLastUsageData EMPTY = new KeyLastUsageData(null, null, null, null);
  }

  public record Response(String keyId, KeyLastUsageData keyLastUsage, Instant trackingStartDate,
      Instant keyCreationDate) {}

  private final KeyUsageTracker usage;
  private final Keys keys;
  private final Access access;

  public GetKeyLastUsage(KeyUsageTracker usage, Keys keys, Access access) {
    super("GetKeyLastUsage", KeyIdRequest.class, true);
    this.usage = usage;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(KeyIdRequest in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    LastUsage last = usage.lastUsage(scope(context), key.keyId());
    KeyLastUsageData data = last.lastUse()
        .map(u -> new KeyLastUsageData(u.operation(), u.usedAt(), u.requestId(), u.requestId()))
        .orElse(KeyLastUsageData.EMPTY);
    return new Response(last.key().keyId(), data, last.trackingStartDate(), last.key().creationDate());
  }
}
