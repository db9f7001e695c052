package trent.ops.aliases;

import java.util.List;
import trent.domain.alias.Aliases;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/**
 * UpdateAlias (OPERATIONS.md "UpdateAlias"): needs {@code kms:UpdateAlias} on the alias (identity
 * policy) and on both the current and the new target key (their key policies).
 */
public final class UpdateAlias extends BaseOperation<AliasRequest, NoOutput> {

  private final Aliases aliases;
  private final Keys keys;
  private final Access access;

  public UpdateAlias(Aliases aliases, Keys keys, Access access) {
    super("UpdateAlias", AliasRequest.class, true);
    this.aliases = aliases;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(AliasRequest in, CallContext context) {
    Aliases.requireValidName(in.aliasName());
    KmsKey current = keys.find(scope(context), in.aliasName(), Forms.ANY);
    KmsKey target = keys.find(scope(context), in.targetKeyId(), Forms.KEY_ID_OR_ARN);
    access.authorizeIdentityOnly(context, name(), Aliases.arn(scope(context), in.aliasName()), b -> {});
    access.authorize(context, current, name(), List.of());
    access.authorize(context, target, name(), List.of());
    aliases.update(scope(context), in.aliasName(), target.keyId());
    return NoOutput.INSTANCE;
  }
}
