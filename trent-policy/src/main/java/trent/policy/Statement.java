package trent.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a policy document. Built only by the parser; immutable and thread-safe.
 *
 * <p>A statement without {@code Action}/{@code NotAction} or without {@code Resource}/{@code NotResource}
 * matches no request: KMS accepts such a key-policy statement and gives it no effect (KMS API
 * reference, PutKeyPolicy {@code Policy}: "If either of the required Resource or Action elements are
 * missing from a key policy statement, the policy statement has no effect").
 */
public final class Statement {

  private final Optional<String> sid;
  private final Effect effect;
  private final Optional<PrincipalElement> principal;
  private final Optional<MatchList> action;
  private final Optional<MatchList> resource;
  private final List<Condition> conditions;
  private final List<WildcardPattern> actionPatterns;
  private final List<WildcardPattern> resourcePatterns;

  Statement(Optional<String> sid, Effect effect, Optional<PrincipalElement> principal,
      Optional<MatchList> action, Optional<MatchList> resource, List<Condition> conditions,
      boolean variables) {
    this.sid = Objects.requireNonNull(sid);
    this.effect = Objects.requireNonNull(effect);
    this.principal = Objects.requireNonNull(principal);
    this.action = Objects.requireNonNull(action);
    this.resource = Objects.requireNonNull(resource);
    this.conditions = List.copyOf(conditions);
    // Action names are case-insensitive in IAM; variables are not allowed in Action.
    this.actionPatterns = action.map(a -> a.patterns().stream()
        .map(p -> WildcardPattern.compile(p, true, false, true)).toList()).orElse(List.of());
    // Resource ARNs are case-sensitive and may use policy variables (Version 2012-10-17).
    this.resourcePatterns = resource.map(r -> r.patterns().stream()
        .map(p -> WildcardPattern.compile(p, true, variables, false)).toList()).orElse(List.of());
  }

  /**
   * True if matching this statement may read condition keys: it has a {@code Condition}, or a
   * resource pattern with a policy variable. A statement that does not is decided by the principal,
   * the action and the resource alone.
   */
  boolean readsConditionKeys() {
    return !conditions.isEmpty() || resourcePatterns.stream().anyMatch(WildcardPattern::hasVariables);
  }

  /** The statement id, if given. */
  public Optional<String> sid() {
    return sid;
  }

  /** Allow or Deny. */
  public Effect effect() {
    return effect;
  }

  /** {@code Principal} / {@code NotPrincipal}; empty in identity policies. */
  public Optional<PrincipalElement> principal() {
    return principal;
  }

  /** {@code Action} / {@code NotAction}, if present. */
  public Optional<MatchList> action() {
    return action;
  }

  /** {@code Resource} / {@code NotResource}, if present. */
  public Optional<MatchList> resource() {
    return resource;
  }

  /** The condition tests, all of which must hold; empty if there is no Condition block. */
  public List<Condition> conditions() {
    return conditions;
  }

  /** True if the action matches Action (or does not match NotAction). Case-insensitive. */
  boolean matchesAction(String requestActionLowerCase) {
    if (action.isEmpty()) {
      return false;
    }
    // A loop, not a stream: this runs for every statement of every policy of every request.
    boolean any = false;
    for (int i = 0, n = actionPatterns.size(); i < n && !any; i++) {
      any = actionPatterns.get(i).matchesLowerCase(requestActionLowerCase);
    }
    return action.get().negated() != any;
  }

  /** True if the resource matches Resource (or does not match NotResource). */
  boolean matchesResource(RequestContext request) {
    if (resource.isEmpty()) {
      return false;
    }
    boolean any = resourcePatterns.stream().anyMatch(p -> p.matches(request.resource(), request::singleValue));
    return resource.get().negated() != any;
  }

  /** True if every condition holds. */
  boolean conditionsHold(RequestContext request) {
    for (Condition c : conditions) {
      if (!c.test(request)) {
        return false;
      }
    }
    return true;
  }
}
