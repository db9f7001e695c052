package trent.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * An alias: a name in one account and Region that points at one key.
 *
 * @param aliasName the full name, {@code alias/...}; unique per account and Region
 * @param targetKeyId the key id the alias points at
 * @param version optimistic-concurrency version, as for {@link KeyRecord#version()}
 */
public record AliasRecord(
    String account,
    String region,
    String aliasName,
    String targetKeyId,
    Instant creationDate,
    Instant lastUpdatedDate,
    long version) {

  public AliasRecord {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(aliasName, "aliasName");
    Objects.requireNonNull(targetKeyId, "targetKeyId");
    Objects.requireNonNull(creationDate, "creationDate");
    Objects.requireNonNull(lastUpdatedDate, "lastUpdatedDate");
  }
}
