package trent.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * The last successful cryptographic use of a key.
 *
 * @param keyId the key that was used
 * @param operation the operation, as AWS names it (e.g. {@code Encrypt})
 * @param usedAt when it was used
 * @param requestId the request id of that use
 */
public record KeyUsageRecord(String keyId, String operation, Instant usedAt, String requestId) {

  public KeyUsageRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(usedAt, "usedAt");
    Objects.requireNonNull(requestId, "requestId");
  }
}
