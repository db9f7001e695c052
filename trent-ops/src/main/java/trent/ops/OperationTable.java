package trent.ops;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The immutable table of operations a server answers, built once at start, looked up by name. */
public final class OperationTable {

  private final Map<String, Operation<?, ?>> byName;

  private OperationTable(Map<String, Operation<?, ?>> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<Operation<?, ?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Collection<Operation<?, ?>> all() {
    return byName.values();
  }

  /** Collects operations; a name given twice is a programming error. */
  public static final class Builder {
    private final Map<String, Operation<?, ?>> byName = new LinkedHashMap<>();

    public Builder add(Operation<?, ?> operation) {
      if (byName.putIfAbsent(operation.name(), operation) != null) {
        throw new IllegalArgumentException("operation registered twice: " + operation.name());
      }
      return this;
    }

    public OperationTable build() {
      return new OperationTable(byName);
    }
  }
}
