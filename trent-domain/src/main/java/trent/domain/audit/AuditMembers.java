package trent.domain.audit;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The request parameters or response elements of an {@link AuditEvent}: an unmodifiable map that
 * keeps the order of its members. Being immutable, one instance may be shared by many events, and
 * an event takes it without copying; that is what lets a run of requests with the same parameters
 * keep one map in the console's ring of recent events instead of one per request.
 *
 * <p>Values are what the audit allow-list admits: strings, numbers, booleans, and lists and maps
 * of those, which the caller must not change after handing them over.
 */
public final class AuditMembers extends AbstractMap<String, Object> {

  private final Map<String, Object> members;

  private AuditMembers(Map<String, Object> members) {
    this.members = members;
  }

  /** An immutable copy in the iteration order of {@code members}; itself when it already is one. */
  public static AuditMembers copyOf(Map<String, Object> members) {
    return members instanceof AuditMembers already ? already
        : new AuditMembers(Collections.unmodifiableMap(new LinkedHashMap<>(members)));
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return members.entrySet();
  }

  @Override
  public Object get(Object key) {
    return members.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return members.containsKey(key);
  }

  @Override
  public int size() {
    return members.size();
  }

  /**
   * Whether {@code other} has the same members with the same values in the same order, nested
   * maps and lists included: the test for sharing one instance, since two maps that are merely
   * {@link Map#equals equal} may list their members in another order, and an audit record shows
   * them in the order the request gave them.
   */
  public boolean sameInOrder(Map<String, Object> other) {
    return sameInOrder((Object) this, other);
  }

  private static boolean sameInOrder(Object a, Object b) {
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<? extends Entry<?, ?>> i = x.entrySet().iterator();
      Iterator<? extends Entry<?, ?>> j = y.entrySet().iterator();
      while (i.hasNext() && j.hasNext()) {
        Entry<?, ?> e = i.next();
        Entry<?, ?> f = j.next();
        if (!Objects.equals(e.getKey(), f.getKey()) || !sameInOrder(e.getValue(), f.getValue())) {
          return false;
        }
      }
      return !i.hasNext() && !j.hasNext();
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int k = 0; k < x.size(); k++) {
        if (!sameInOrder(x.get(k), y.get(k))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> || b instanceof Map<?, ?> || a instanceof List<?> || b instanceof List<?>) {
      return false;
    }
    return Objects.equals(a, b);
  }
}
