package trent.domain.tag;

import java.util.Objects;

/** One tag as a caller gives it; {@link Tags#validated} checks a request's tags together. */
public record Tag(String tagKey, String tagValue) {

  public Tag {
    Objects.requireNonNull(tagKey, "tagKey");
    Objects.requireNonNull(tagValue, "tagValue");
  }
}
