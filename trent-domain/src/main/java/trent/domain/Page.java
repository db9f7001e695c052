package trent.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import trent.domain.error.InvalidMarkerException;

/**
 * One page of a listing, with the marker for the next page when there is one. Markers are opaque
 * to callers: the last item's sort key, encoded so that a marker from another listing or a
 * hand-made string is refused with {@link InvalidMarkerException}.
 */
public record Page<T>(List<T> items, Optional<String> nextMarker) {

  private static final String PREFIX = "trent1:";

  public Page {
    items = List.copyOf(items);
  }

  public boolean truncated() {
    return nextMarker.isPresent();
  }

  /**
   * Builds a page from up to {@code limit + 1} items fetched in order: the extra item, when
   * present, only tells that there is more.
   */
  public static <T> Page<T> of(List<T> fetched, int limit, String kind, java.util.function.Function<T, String> sortKey) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, Optional.empty());
    }
    List<T> items = fetched.subList(0, limit);
    return new Page<>(items, Optional.of(encode(kind, sortKey.apply(items.get(limit - 1)))));
  }

  /** The sort key a marker stands for, or null for no marker. */
  public static String after(String marker, String kind) {
    if (marker == null) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
      String prefix = PREFIX + kind + ":";
      if (!text.startsWith(prefix) || text.length() == prefix.length()) {
        throw InvalidMarkerException.invalidMarker();
      }
      return text.substring(prefix.length());
    } catch (IllegalArgumentException e) {
      throw InvalidMarkerException.invalidMarker();
    }
  }

  private static String encode(String kind, String sortKey) {
    String text = PREFIX + kind + ":" + sortKey;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
