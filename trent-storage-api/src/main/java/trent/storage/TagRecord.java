package trent.storage;

import java.util.Objects;

/** One tag of a key. {@code tagKey} is unique per key. */
public record TagRecord(String keyId, String tagKey, String tagValue) {

  public TagRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(tagKey, "tagKey");
    Objects.requireNonNull(tagValue, "tagValue");
  }
}
