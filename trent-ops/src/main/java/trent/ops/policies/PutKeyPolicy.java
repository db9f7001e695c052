package trent.ops.policies;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;
import trent.policy.PolicyDocument;

/**
 * PutKeyPolicy (OPERATIONS.md "PutKeyPolicy"): replaces the key policy with a validated one. Unless
 * BypassPolicyLockoutSafetyCheck, the new policy must still let the caller call PutKeyPolicy. A
 * refused policy never becomes the key's policy. The change reaches every node's caches at once
 * through the key change notice; the parsed policy is cached by its text, so nothing else is flushed.
 */
public final class PutKeyPolicy extends BaseOperation<PutKeyPolicy.Request, NoOutput> {

  public record Request(String keyId, String policyName, String policy, Boolean bypassPolicyLockoutSafetyCheck) {}

  private final Keys keys;
  private final Access access;

  public PutKeyPolicy(Keys keys, Access access) {
    super("PutKeyPolicy", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of(), java.util.Map.of(),
        Access.condition("kms:BypassPolicyLockoutSafetyCheck", bypass(in.bypassPolicyLockoutSafetyCheck())));
    PolicyNames.requireDefault(in.policyName());
    PolicyDocument policy = Access.parseKeyPolicy(in.policy());
    access.lockoutSafetyCheck(context, policy, key.arn(), Boolean.TRUE.equals(in.bypassPolicyLockoutSafetyCheck()));
    keys.putPolicy(scope(context), key.keyId(), in.policy(), k -> {});
    return NoOutput.INSTANCE;
  }

  /** kms:BypassPolicyLockoutSafetyCheck: present only when the request has the parameter (a Null test tells). */
  static String bypass(Boolean requested) {
    return requested == null ? null : requested.toString();
  }
}
