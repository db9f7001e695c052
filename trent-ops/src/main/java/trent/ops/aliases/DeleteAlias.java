package trent.ops.aliases;

import trent.domain.alias.Aliases;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** DeleteAlias (OPERATIONS.md "DeleteAlias"). */
public final class DeleteAlias extends BaseOperation<DeleteAlias.Request, NoOutput> {

  public record Request(String aliasName) {}

  private final Aliases aliases;

  public DeleteAlias(Aliases aliases) {
    super("DeleteAlias", Request.class, true);
    this.aliases = aliases;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    aliases.delete(scope(context), in.aliasName());
    return NoOutput.INSTANCE;
  }
}
