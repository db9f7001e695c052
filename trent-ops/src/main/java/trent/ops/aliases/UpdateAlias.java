package trent.ops.aliases;

import trent.domain.alias.Aliases;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** UpdateAlias (OPERATIONS.md "UpdateAlias"). */
public final class UpdateAlias extends BaseOperation<AliasRequest, NoOutput> {

  private final Aliases aliases;

  public UpdateAlias(Aliases aliases) {
    super("UpdateAlias", AliasRequest.class, true);
    this.aliases = aliases;
  }

  @Override
  public NoOutput execute(AliasRequest in, CallContext context) {
    aliases.update(scope(context), in.aliasName(), in.targetKeyId());
    return NoOutput.INSTANCE;
  }
}
