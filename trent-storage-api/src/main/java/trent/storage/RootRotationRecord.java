package trent.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A root of trust rotation in progress ({@code trent root rotate}): while it lasts, every keyring
 * term is wrapped both by the root being retired (the term's own wrapping) and by the incoming root
 * (its incoming wrapping), so a node opens the keyring with either.
 *
 * @param fromRootId the root of trust being retired
 * @param toRootId the root of trust being brought in
 * @param term the keyring term the rotation created; secrets are rewrapped under it
 * @param startedAt when the rotation began
 */
public record RootRotationRecord(String fromRootId, String toRootId, int term, Instant startedAt) {

  public RootRotationRecord {
    Objects.requireNonNull(fromRootId, "fromRootId");
    Objects.requireNonNull(toRootId, "toRootId");
    Objects.requireNonNull(startedAt, "startedAt");
    if (fromRootId.equals(toRootId)) {
      throw new IllegalArgumentException("a root rotation needs two different roots of trust");
    }
  }
}
