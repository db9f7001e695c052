package trent.ops;

import trent.domain.alias.Aliases;
import trent.domain.envelope.Envelopes;
import trent.domain.key.Keys;
import trent.domain.key.Rotations;
import trent.domain.tag.Tags;
import trent.domain.usage.KeyUsageTracker;
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
import trent.ops.keys.GetKeyLastUsage;
import trent.ops.keys.ListKeys;
import trent.ops.keys.ScheduleKeyDeletion;
import trent.ops.keys.UpdateKeyDescription;
import trent.ops.rotation.DisableKeyRotation;
import trent.ops.rotation.EnableKeyRotation;
import trent.ops.rotation.GetKeyRotationStatus;
import trent.ops.rotation.ListKeyRotations;
import trent.ops.rotation.RotateKeyOnDemand;
import trent.ops.tags.ListResourceTags;
import trent.ops.tags.TagResource;
import trent.ops.tags.UntagResource;

/** The operations Trent answers, listed explicitly, in the order of OPERATIONS.md. */
public final class KmsOperations {

  private KmsOperations() {}

  public static OperationTable table(Keys keys, Aliases aliases, Envelopes envelopes, Tags tags,
      Rotations rotations, KeyUsageTracker usage) {
    return OperationTable.builder()
        .add(new CancelKeyDeletion(keys))
        .add(new CreateKey(keys))
        .add(new DescribeKey(keys))
        .add(new DisableKey(keys))
        .add(new EnableKey(keys))
        .add(new GetKeyLastUsage(usage))
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
        .add(new ListResourceTags(tags))
        .add(new TagResource(tags))
        .add(new UntagResource(tags))
        .add(new DisableKeyRotation(rotations))
        .add(new EnableKeyRotation(rotations))
        .add(new GetKeyRotationStatus(rotations))
        .add(new ListKeyRotations(rotations))
        .add(new RotateKeyOnDemand(rotations))
        .build();
  }
}
