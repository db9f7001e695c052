package trent.ops;

import trent.domain.alias.Aliases;
import trent.domain.key.Keys;
import trent.ops.aliases.CreateAlias;
import trent.ops.aliases.DeleteAlias;
import trent.ops.aliases.ListAliases;
import trent.ops.aliases.UpdateAlias;
import trent.ops.keys.CancelKeyDeletion;
import trent.ops.keys.CreateKey;
import trent.ops.keys.DescribeKey;
import trent.ops.keys.DisableKey;
import trent.ops.keys.EnableKey;
import trent.ops.keys.ListKeys;
import trent.ops.keys.ScheduleKeyDeletion;
import trent.ops.keys.UpdateKeyDescription;

/** The operations Trent answers, listed explicitly, in the order of OPERATIONS.md. */
public final class KmsOperations {

  private KmsOperations() {}

  public static OperationTable table(Keys keys, Aliases aliases) {
    return OperationTable.builder()
        .add(new CancelKeyDeletion(keys))
        .add(new CreateKey(keys))
        .add(new DescribeKey(keys))
        .add(new DisableKey(keys))
        .add(new EnableKey(keys))
        .add(new ListKeys(keys))
        .add(new ScheduleKeyDeletion(keys))
        .add(new UpdateKeyDescription(keys))
        .add(new CreateAlias(aliases))
        .add(new DeleteAlias(aliases))
        .add(new ListAliases(aliases))
        .add(new UpdateAlias(aliases))
        .build();
  }
}
