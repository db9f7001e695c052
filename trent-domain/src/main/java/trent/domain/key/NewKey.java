package trent.domain.key;

import java.util.Map;
import java.util.Objects;

/**
 * What CreateKey asks for, after the operation checked its rules.
 *
 * @param tags tag key to value, in request order
 */
public record NewKey(
    String description,
    KeySpec spec,
    KeyUsage usage,
    Origin origin,
    String policy,
    Map<String, String> tags,
    boolean multiRegion) {

  public NewKey {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(policy, "policy");
    tags = Map.copyOf(tags);
  }
}
