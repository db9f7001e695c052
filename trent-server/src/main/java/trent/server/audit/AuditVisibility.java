package trent.server.audit;

import trent.domain.audit.AuditEvent;
import trent.ops.Caller;

/**
 * Which audit events a caller may read through the console's audit endpoint.
 *
 * <p>The rule:
 * <ul>
 *   <li>an <b>account root</b> ({@code arn:aws:iam::ACCOUNT:root}) sees every event of its account:
 *       the requests made by any principal of the account, and the requests of other accounts that
 *       used (or tried to use) one of its keys, as CloudTrail delivers them to the key's owner;
 *   <li>any <b>other principal</b> (user, role) sees only the requests it made itself (same ARN in
 *       the same account), whatever the key;
 *   <li>requests that could not be authenticated name no trusted caller, so they are shown to
 *       nobody here; they are in the audit log.
 * </ul>
 * Seeing an event never depends on key policies: the audit trail is about what a principal did,
 * and an account root may do everything in its account anyway.
 */
public final class AuditVisibility {

  private AuditVisibility() {}

  public static boolean visibleTo(Caller caller, AuditEvent event) {
    String account = caller.account();
    if (caller.principalArn().equals(caller.accountRootArn())) {
      if (account.equals(event.userIdentity().accountId()) || account.equals(event.recipientAccountId())) {
        return true;
      }
      for (AuditEvent.Resource r : event.resources()) {
        if (account.equals(r.accountId())) {
          return true;
        }
      }
      return false;
    }
    return account.equals(event.userIdentity().accountId()) && caller.principalArn().equals(event.userIdentity().arn());
  }
}
