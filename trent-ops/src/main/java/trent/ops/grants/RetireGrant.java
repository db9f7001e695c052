package trent.ops.grants;

import trent.domain.error.AccessDeniedException;
import trent.domain.error.InvalidGrantTokenException;
import trent.domain.grant.Grant;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;
import trent.ops.SymmetricSteps;

/**
 * RetireGrant (OPERATIONS.md "RetireGrant"): deletes a grant named by its token, or by KeyId +
 * GrantId. No policy decides: the grant does. Its retiring principal may retire it, its grantee if
 * RetireGrant is among its operations, and the root of the account that created it (KMS developer
 * guide, "Retiring and revoking grants").
 */
public final class RetireGrant extends BaseOperation<RetireGrant.Request, NoOutput> {

  public record Request(String grantToken, String keyId, String grantId, Boolean dryRun) {}

  private final Keys keys;
  private final Access access;

  public RetireGrant(Keys keys, Access access) {
    super("RetireGrant", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    Grant grant;
    String keyArn;
    if (in.grantToken() != null) {
      grant = access.grants().fromToken(in.grantToken());
      keyArn = keys.findById(grant.keyId(), grant.region()).map(KmsKey::arn).orElse(grant.keyId());
    } else if (in.keyId() != null && in.grantId() != null) {
      KmsKey key = keys.findAcrossAccounts(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
      grant = access.grants().find(key, in.grantId());
      keyArn = key.arn();
    } else {
      throw InvalidGrantTokenException.tokenOrIdRequired();
    }
    if (!grant.retirableBy(context.caller().principalArn())) {
      throw AccessDeniedException.notAuthorized(context.caller().principalArn(), "kms:" + name(), keyArn);
    }
    SymmetricSteps.dryRun(in.dryRun());
    access.grants().delete(grant);
    return NoOutput.INSTANCE;
  }
}
