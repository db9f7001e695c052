package trent.ops.aliases;

import trent.domain.alias.Aliases;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** CreateAlias (OPERATIONS.md "CreateAlias"). */
public final class CreateAlias extends BaseOperation<AliasRequest, NoOutput> {

  private final Aliases aliases;

  public CreateAlias(Aliases aliases) {
    super("CreateAlias", AliasRequest.class, true);
    this.aliases = aliases;
  }

  @Override
  public NoOutput execute(AliasRequest in, CallContext context) {
    aliases.create(scope(context), in.aliasName(), in.targetKeyId());
    return NoOutput.INSTANCE;
  }
}
