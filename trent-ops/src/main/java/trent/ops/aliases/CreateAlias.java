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
 * CreateAlias (OPERATIONS.md "CreateAlias"): needs {@code kms:CreateAlias} on the alias (identity
 * policy) and on the key (key policy).
 */
public final class CreateAlias extends BaseOperation<AliasRequest, NoOutput> {

  private final Aliases aliases;
  private final Keys keys;
  private final Access access;

  public CreateAlias(Aliases aliases, Keys keys, Access access) {
    super("CreateAlias", AliasRequest.class, true);
    this.aliases = aliases;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(AliasRequest in, CallContext context) {
    Aliases.requireValidName(in.aliasName());
    KmsKey target = keys.find(scope(context), in.targetKeyId(), Forms.KEY_ID_OR_ARN);
    access.authorizeIdentityOnly(context, name(), Aliases.arn(scope(context), in.aliasName()), b -> {});
    access.authorize(context, target, name(), List.of());
    aliases.create(scope(context), in.aliasName(), target.keyId());
    return NoOutput.INSTANCE;
  }
}
