package trent.ops;

import trent.domain.alias.Aliases;
import trent.domain.envelope.Envelopes;
import trent.domain.key.Keys;
import trent.ops.crypto.Decrypt;
import trent.ops.crypto.Encrypt;
import trent.ops.crypto.GenerateRandom;
import trent.ops.crypto.ReEncrypt;
import trent.ops.datakey.GenerateDataKey;
import trent.ops.datakey.GenerateDataKeyWithoutPlaintext;
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

  public static OperationTable table(Keys keys, Aliases aliases, Envelopes envelopes) {
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
        .add(new Decrypt(envelopes))
        .add(new Encrypt(envelopes))
        .add(new GenerateRandom(envelopes))
        .add(new ReEncrypt(envelopes))
        .add(new GenerateDataKey(envelopes))
        .add(new GenerateDataKeyWithoutPlaintext(envelopes))
        .build();
  }
}
