package trent.policy;

import java.util.List;

/**
 * An {@code Action} / {@code NotAction} or {@code Resource} / {@code NotResource} element: the
 * patterns as written (a single string becomes a one-element list) and whether it is the {@code Not}
 * form.
 *
 * @param negated true for {@code NotAction} / {@code NotResource}
 * @param patterns the patterns in document order, never null; may be empty ({@code "Action": []})
 */
public record MatchList(boolean negated, List<String> patterns) {
  public MatchList {
    patterns = List.copyOf(patterns);
  }
}
