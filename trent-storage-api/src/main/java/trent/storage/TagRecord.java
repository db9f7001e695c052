package trent.storage;

import java.util.Objects;

/**
 * One tag of a key (of one copy of a multi-Region key: each copy has its own tags). {@code tagKey}
 * is unique per key and Region.
 */
public record TagRecord(String keyId, String region, String tagKey, String tagValue) {

  public TagRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(tagKey, "tagKey");
    Objects.requireNonNull(tagValue, "tagValue");
  }
}
