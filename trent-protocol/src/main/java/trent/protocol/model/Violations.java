package trent.protocol.model;

import java.util.ArrayList;
import java.util.List;

/** Collects violation texts in the order found; allocates nothing while the request is valid. */
final class Violations {

  private List<String> errors;

  void add(String error) {
    if (errors == null) {
      errors = new ArrayList<>(4);
    }
    errors.add(error);
  }

  /** Adds {@code Value '<v>' at ...}, or the sensitive form when {@code hidden}. */
  void add(String path, boolean hidden, String renderedValue, String rule) {
    add(hidden ? AwsText.hiddenValueError(path, rule) : AwsText.valueError(renderedValue, path, rule));
  }

  boolean isEmpty() {
    return errors == null;
  }

  List<String> list() {
    return errors == null ? List.of() : errors;
  }
}
