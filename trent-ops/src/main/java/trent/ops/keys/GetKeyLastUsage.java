package trent.ops.keys;

import java.time.Instant;
import trent.domain.usage.KeyUsageTracker;
import trent.domain.usage.KeyUsageTracker.LastUsage;
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

  public GetKeyLastUsage(KeyUsageTracker usage) {
    super("GetKeyLastUsage", KeyIdRequest.class, true);
    this.usage = usage;
  }

  @Override
  public Response execute(KeyIdRequest in, CallContext context) {
    LastUsage last = usage.lastUsage(scope(context), in.keyId());
    KeyLastUsageData data = last.lastUse()
        .map(u -> new KeyLastUsageData(u.operation(), u.usedAt(), u.requestId(), u.requestId()))
        .orElse(KeyLastUsageData.EMPTY);
    return new Response(last.key().keyId(), data, last.trackingStartDate(), last.key().creationDate());
  }
}
