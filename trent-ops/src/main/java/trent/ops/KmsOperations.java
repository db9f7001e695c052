package trent.ops;

import trent.domain.alias.Aliases;
import trent.domain.asymmetric.KeyPairs;
import trent.domain.asymmetric.Macs;
import trent.domain.envelope.DataKeyPairs;
import trent.domain.envelope.Envelopes;
import trent.domain.key.Keys;
import trent.ops.asymmetric.DeriveSharedSecret;
import trent.ops.asymmetric.GenerateMac;
import trent.ops.asymmetric.GetPublicKey;
import trent.ops.asymmetric.Sign;
import trent.ops.asymmetric.Verify;
import trent.ops.asymmetric.VerifyMac;
import trent.ops.crypto.Decrypt;
import trent.ops.crypto.Encrypt;
import trent.ops.crypto.GenerateRandom;
import trent.ops.crypto.ReEncrypt;
import trent.ops.datakey.GenerateDataKey;
import trent.ops.datakey.GenerateDataKeyPair;
import trent.ops.datakey.GenerateDataKeyPairWithoutPlaintext;
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
    KeyPairs keyPairs = new KeyPairs(envelopes.keys(), envelopes.random());
    Macs macs = new Macs(envelopes.keys());
    DataKeyPairs dataKeyPairs = new DataKeyPairs(envelopes, envelopes.random());
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
        .add(new Decrypt(envelopes, keyPairs))
        .add(new Encrypt(envelopes, keyPairs))
        .add(new GenerateRandom(envelopes))
        .add(new ReEncrypt(envelopes, keyPairs))
        .add(new GenerateDataKey(envelopes))
        .add(new GenerateDataKeyPair(dataKeyPairs, envelopes.keys()))
        .add(new GenerateDataKeyPairWithoutPlaintext(dataKeyPairs, envelopes.keys()))
        .add(new GenerateDataKeyWithoutPlaintext(envelopes))
        .add(new DeriveSharedSecret(keyPairs))
        .add(new GenerateMac(macs))
        .add(new GetPublicKey(keyPairs))
        .add(new Sign(keyPairs))
        .add(new Verify(keyPairs))
        .add(new VerifyMac(macs))
        .build();
  }
}
