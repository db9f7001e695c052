package trent.server.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import trent.domain.audit.AuditEvent;
import trent.ops.Caller;

/**
 * The last {@code capacity} audit events, in memory, for the web console's audit view: fed by the
 * request pipeline whether or not an audit log is configured, and forgotten on restart (the audit
 * log is the record; this is a window onto it).
 *
 * <p>{@link #add} is called on request threads, possibly network I/O threads: it claims a slot
 * with one atomic increment and stores a reference, taking no lock, so requests never wait for
 * each other here. A reader sees each slot's latest event; while requests arrive, a listing may
 * miss an event being stored or show one that has just replaced an older one. Thread-safe.
 */
public final class RecentAuditEvents {

  /** How many events the console can show by default. */
  public static final int DEFAULT_CAPACITY = 2000;

  private final AtomicReferenceArray<AuditEvent> ring;
  private final AtomicLong added = new AtomicLong();

  public RecentAuditEvents(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  public void add(AuditEvent event) {
    long slot = added.getAndIncrement();
    ring.set((int) (slot % ring.length()), event);
  }

  /** Every event held, newest first. */
  List<AuditEvent> newestFirst() {
    long last = added.get();
    int n = (int) Math.min(last, ring.length());
    List<AuditEvent> out = new ArrayList<>(n);
    for (long i = last - 1; i >= last - n; i--) {
      AuditEvent event = ring.get((int) (i % ring.length()));
      if (event != null) {
        out.add(event);
      }
    }
    return out;
  }

  /**
   * The newest events that {@code caller} may see ({@link AuditVisibility}) and that match
   * {@code filter}, newest first, at most {@code limit}.
   */
  public List<AuditEvent> visibleTo(Caller caller, Filter filter, int limit) {
    List<AuditEvent> out = new ArrayList<>();
    for (AuditEvent e : newestFirst()) {
      if (out.size() >= limit) {
        break;
      }
      if (AuditVisibility.visibleTo(caller, e) && filter.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Renders events as a JSON array of CloudTrail records (the lines of the audit log). */
  public static String json(List<AuditEvent> events) {
    AuditJson json = new AuditJson();
    StringBuilder out = new StringBuilder(events.size() * 600 + 2).append('[');
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(json.line(events.get(i)));
    }
    return out.append(']').toString();
  }

  /**
   * What the console's audit view filters on; each member null or empty when not filtered.
   *
   * @param key text in a key ARN of {@code resources} (e.g. a key id), or in the request's key id
   * @param principal text in the caller's ARN or access key id
   * @param operation the operation's name, exactly
   * @param error {@code "any"} for failures only, {@code "none"} for successes only, otherwise an
   *     error code exactly
   */
  public record Filter(String key, String principal, String operation, String error) implements Predicate<AuditEvent> {

    public static final Filter ALL = new Filter(null, null, null, null);

    @Override
    public boolean test(AuditEvent e) {
      if (set(operation) && !operation.equals(e.eventName())) {
        return false;
      }
      if (set(error)) {
        boolean matches = switch (error) {
          case "any" -> e.errorCode() != null;
          case "none" -> e.errorCode() == null;
          default -> error.equals(e.errorCode());
        };
        if (!matches) {
          return false;
        }
      }
      if (set(principal) && !contains(e.userIdentity().arn(), principal)
          && !contains(e.userIdentity().accessKeyId(), principal)) {
        return false;
      }
      if (set(key)) {
        boolean found = e.resources().stream().anyMatch(r -> contains(r.arn(), key))
            || (e.requestParameters() != null && (contains(string(e.requestParameters().get("keyId")), key)
                || contains(string(e.requestParameters().get("targetKeyId")), key)
                || contains(string(e.requestParameters().get("aliasName")), key)));
        if (!found) {
          return false;
        }
      }
      return true;
    }

    private static String string(Object value) {
      return value instanceof String s ? s : null;
    }

    private static boolean set(String s) {
      return s != null && !s.isBlank();
    }

    private static boolean contains(String text, String part) {
      return text != null && text.toLowerCase(Locale.ROOT).contains(part.trim().toLowerCase(Locale.ROOT));
    }
  }
}
