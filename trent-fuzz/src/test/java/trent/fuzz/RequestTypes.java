package trent.fuzz;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds each operation's request record, {@code trent.ops.<category>.<Operation>$Request}. */
final class RequestTypes {

  private static final List<String> CATEGORIES =
      List.of("keys", "aliases", "crypto", "datakey", "grants", "policies", "asymmetric", "tags", "rotation", "imports");

  private RequestTypes() {}

  static Map<String, Class<?>> byOperation(List<String> operations) {
    Map<String, Class<?>> types = new HashMap<>();
    for (String operation : operations) {
      for (String category : CATEGORIES) {
        try {
          types.put(operation, Class.forName("trent.ops." + category + "." + operation + "$Request"));
          break;
        } catch (ClassNotFoundException e) {
          // not in this category
        }
      }
    }
    return types;
  }
}
