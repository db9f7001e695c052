package trent.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * The KMS keys one request used, noted by the operation as soon as it has resolved them, so that
 * the pipeline around the operation (audit) can name them even when the operation then fails, for
 * example on a disabled key. Operations note keys here; they never write audit themselves.
 *
 * <p>One instance per request, used by one thread at a time: the operation notes, and the
 * pipeline reads after the operation has returned or thrown.
 */
public final class KeysUsed {

  private String first;
  private List<String> more;

  /** Notes the ARN of a key this request used; noting the same key twice keeps it once. */
  public void add(String keyArn) {
    if (first == null) {
      first = keyArn;
    } else if (!first.equals(keyArn) && (more == null || !more.contains(keyArn))) {
      if (more == null) {
        more = new ArrayList<>(2);
      }
      more.add(keyArn);
    }
  }

  /** The noted key ARNs, in the order noted. */
  public List<String> arns() {
    if (first == null) {
      return List.of();
    }
    if (more == null) {
      return List.of(first);
    }
    List<String> all = new ArrayList<>(1 + more.size());
    all.add(first);
    all.addAll(more);
    return List.copyOf(all);
  }
}
