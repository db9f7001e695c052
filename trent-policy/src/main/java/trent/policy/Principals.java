package trent.policy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Principal syntax and matching. Package-private helpers for the parser and the evaluator.
 *
 * <p>Matching rules for resource policies (key policies):
 *
 * <ul>
 *   <li>{@code "*"} matches every caller directly.
 *   <li>An ARN equal to the caller's ARN matches directly. A role ARN
 *       ({@code arn:aws:iam::A:role/path/R}) also matches directly the role's sessions
 *       ({@code arn:aws:sts::A:assumed-role/R/session}).
 *   <li>An account ({@code arn:aws:iam::A:root} or {@code A}) matches the root user of A directly, and
 *       every other principal of A <em>as the account</em>: for an Allow, this delegates to A's identity
 *       policies; for a Deny, it denies every principal of A.
 * </ul>
 */
final class Principals {

  /** How a statement's principal element applies to the caller. */
  enum Match { NONE, ACCOUNT, DIRECT }

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern IAM_ARN = Pattern.compile(
      "arn:[a-z][a-z0-9-]*:iam::(\\d{12}):(root|(user|role|group|federated-user)/[\\w+=,.@/-]+)");
  private static final Pattern STS_ARN = Pattern.compile(
      "arn:[a-z][a-z0-9-]*:sts::(\\d{12}):((assumed-role|federated-user)/[\\w+=,.@/-]+)");
  private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  private Principals() {}

  /** Normalises an AWS principal value: an account id becomes its root ARN. */
  static String normaliseAws(String value) {
    return ACCOUNT_ID.matcher(value).matches() ? rootArn(value) : value;
  }

  /** {@code arn:aws:iam::<account>:root}. */
  static String rootArn(String account) {
    return "arn:aws:iam::" + account + ":root";
  }

  /** True if this normalised principal is valid for a key policy. */
  static boolean isValidForKeyPolicy(PolicyPrincipal p) {
    switch (p.kind()) {
      case AWS:
        return p.isWildcard() || IAM_ARN.matcher(p.value()).matches() || STS_ARN.matcher(p.value()).matches();
      case SERVICE:
        return SERVICE.matcher(p.value()).matches();
      default:
        // KMS key policies name AWS principals and service principals only.
        return false;
    }
  }

  /** The account an ARN names, if it is an IAM or STS principal ARN. */
  static Optional<String> accountOf(String arn) {
    var m = IAM_ARN.matcher(arn);
    if (m.matches()) {
      return Optional.of(m.group(1));
    }
    m = STS_ARN.matcher(arn);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** True if the ARN is an account root ({@code arn:aws:iam::A:root}). */
  static boolean isRoot(String arn) {
    return arn.startsWith("arn:") && arn.endsWith(":root") && IAM_ARN.matcher(arn).matches();
  }

  /** How one listed principal applies to the caller. */
  static Match match(PolicyPrincipal listed, String callerArn, String callerAccount) {
    if (listed.isWildcard()) {
      return Match.DIRECT;
    }
    if (listed.kind() != PolicyPrincipal.Kind.AWS) {
      return listed.value().equals(callerArn) ? Match.DIRECT : Match.NONE;
    }
    String v = listed.value();
    if (v.equals(callerArn) || roleMatchesSession(v, callerArn)) {
      return Match.DIRECT;
    }
    if (isRoot(v) && v.equals(rootArn(callerAccount))) {
      return Match.ACCOUNT;
    }
    return Match.NONE;
  }

  /** How a Principal / NotPrincipal element applies to the caller. */
  static Match match(PrincipalElement element, String callerArn, String callerAccount) {
    if (element.negated()) {
      // The caller is exempt from NotPrincipal only if it is listed exactly and, unless it is the
      // root itself, its account is listed too (IAM user guide, NotPrincipal). Otherwise it applies.
      boolean arnListed = false;
      boolean accountListed = false;
      for (PolicyPrincipal p : element.principals()) {
        arnListed |= p.value().equals(callerArn);
        accountListed |= p.kind() == PolicyPrincipal.Kind.AWS && p.value().equals(rootArn(callerAccount));
      }
      boolean exempt = arnListed && (accountListed || callerArn.equals(rootArn(callerAccount)));
      return exempt ? Match.NONE : Match.DIRECT;
    }
    Match best = Match.NONE;
    for (PolicyPrincipal p : element.principals()) {
      Match m = match(p, callerArn, callerAccount);
      if (m == Match.DIRECT) {
        return m;
      }
      if (m == Match.ACCOUNT) {
        best = m;
      }
    }
    return best;
  }

  private static boolean roleMatchesSession(String listed, String callerArn) {
    var role = IAM_ARN.matcher(listed);
    var session = STS_ARN.matcher(callerArn);
    if (!role.matches() || !session.matches() || !role.group(1).equals(session.group(1))) {
      return false;
    }
    String roleResource = role.group(2);
    String sessionResource = session.group(2);
    if (!roleResource.startsWith("role/") || !sessionResource.startsWith("assumed-role/")) {
      return false;
    }
    String roleName = roleResource.substring(roleResource.lastIndexOf('/') + 1);
    String[] parts = sessionResource.split("/", 3);
    return parts.length == 3 && parts[1].equals(roleName);
  }
}
