package trent.ops.grants;

import java.util.List;
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
 * RevokeGrant (OPERATIONS.md "RevokeGrant"): a key administrator deletes a grant; needs
 * {@code kms:RevokeGrant} from the key policy. The grant stops allowing anything at once.
 */
public final class RevokeGrant extends BaseOperation<RevokeGrant.Request, NoOutput> {

  public record Request(String keyId, String grantId, Boolean dryRun) {}

  private final Keys keys;
  private final Access access;

  public RevokeGrant(Keys keys, Access access) {
    super("RevokeGrant", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    KmsKey key = keys.findAcrossAccounts(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of(), java.util.Map.of(),
        Access.condition("kms:GrantIsForAWSResource", "false"));
    Grant grant = access.grants().find(key, in.grantId());
    SymmetricSteps.dryRun(in.dryRun());
    access.grants().delete(grant);
    return NoOutput.INSTANCE;
  }
}
