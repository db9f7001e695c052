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
 * DeleteAlias (OPERATIONS.md "DeleteAlias"): needs {@code kms:DeleteAlias} on the alias (identity
 * policy) and on its key (key policy).
 */
public final class DeleteAlias extends BaseOperation<DeleteAlias.Request, NoOutput> {

  public record Request(String aliasName) {}

  private final Aliases aliases;
  private final Keys keys;
  private final Access access;

  public DeleteAlias(Aliases aliases, Keys keys, Access access) {
    super("DeleteAlias", Request.class, true);
    this.aliases = aliases;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    Aliases.requireValidName(in.aliasName());
    KmsKey target = keys.find(scope(context), in.aliasName(), Forms.ANY);
    access.authorizeIdentityOnly(context, name(), Aliases.arn(scope(context), in.aliasName()), b -> {});
    access.authorize(context, target, name(), List.of());
    aliases.delete(scope(context), in.aliasName());
    return NoOutput.INSTANCE;
  }
}
