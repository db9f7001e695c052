package trent.ops;

import trent.domain.alias.Aliases;
import trent.domain.asymmetric.KeyPairs;
import trent.domain.asymmetric.Macs;
import trent.domain.envelope.DataKeyPairs;
import trent.domain.envelope.Envelopes;
import trent.domain.customkeystore.CustomKeyStores;
import trent.domain.key.Keys;
import trent.ops.customkeystores.ConnectCustomKeyStore;
import trent.ops.customkeystores.CreateCustomKeyStore;
import trent.ops.customkeystores.DeleteCustomKeyStore;
import trent.ops.customkeystores.DescribeCustomKeyStores;
import trent.ops.customkeystores.DisconnectCustomKeyStore;
import trent.ops.customkeystores.UpdateCustomKeyStore;
import trent.domain.key.Imports;
import trent.domain.key.Keys;
import trent.ops.imports.DeleteImportedKeyMaterial;
import trent.ops.imports.GetParametersForImport;
import trent.ops.imports.ImportKeyMaterial;
import trent.ops.asymmetric.DeriveSharedSecret;
import trent.ops.asymmetric.GenerateMac;
import trent.ops.asymmetric.GetPublicKey;
import trent.ops.asymmetric.Sign;
import trent.ops.asymmetric.Verify;
import trent.ops.asymmetric.VerifyMac;
import trent.domain.key.Rotations;
import trent.domain.tag.Tags;
import trent.domain.usage.KeyUsageTracker;
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
import trent.ops.keys.GetKeyLastUsage;
import trent.ops.keys.ListKeys;
import trent.ops.keys.ScheduleKeyDeletion;
import trent.ops.keys.UpdateKeyDescription;
import trent.ops.grants.CreateGrant;
import trent.ops.grants.ListGrants;
import trent.ops.grants.ListRetirableGrants;
import trent.ops.grants.RetireGrant;
import trent.ops.grants.RevokeGrant;
import trent.ops.policies.GetKeyPolicy;
import trent.ops.policies.ListKeyPolicies;
import trent.ops.policies.PutKeyPolicy;
import trent.ops.multiregion.ReplicateKey;
import trent.ops.multiregion.UpdatePrimaryRegion;
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

  /** The table; {@code access} is the authorization step every operation takes. */
  public static OperationTable table(Keys keys, Aliases aliases, Envelopes envelopes, Access access, Tags tags,
      Rotations rotations, KeyUsageTracker usage, CustomKeyStores stores, Imports imports) {
    KeyPairs keyPairs = new KeyPairs(envelopes.keys(), envelopes.random());
    Macs macs = new Macs(envelopes.keys());
    DataKeyPairs dataKeyPairs = new DataKeyPairs(envelopes, envelopes.random());
    return OperationTable.builder()
        .add(new CancelKeyDeletion(keys, access))
        .add(new CreateKey(keys, access, stores))
        .add(new DescribeKey(keys, imports, access, stores))
        .add(new DisableKey(keys, access))
        .add(new EnableKey(keys, access))
        .add(new GetKeyLastUsage(usage, keys, access))
        .add(new ListKeys(keys, access))
        .add(new ScheduleKeyDeletion(keys, access))
        .add(new UpdateKeyDescription(keys, access))
        .add(new CreateAlias(aliases, keys, access))
        .add(new DeleteAlias(aliases, keys, access))
        .add(new ListAliases(aliases, access))
        .add(new UpdateAlias(aliases, keys, access))
        .add(new Decrypt(envelopes, keyPairs, access))
        .add(new Encrypt(envelopes, keyPairs, access))
        .add(new GenerateRandom(envelopes, access, stores))
        .add(new ReEncrypt(envelopes, keyPairs, access))
        .add(new GenerateDataKey(envelopes, access))
        .add(new GenerateDataKeyPair(dataKeyPairs, envelopes.keys(), access, usage))
        .add(new GenerateDataKeyPairWithoutPlaintext(dataKeyPairs, envelopes.keys(), access, usage))
        .add(new GenerateDataKeyWithoutPlaintext(envelopes, access))
        .add(new DeriveSharedSecret(keyPairs, access, usage))
        .add(new GenerateMac(macs, access, usage))
        .add(new GetPublicKey(keyPairs, access))
        .add(new Sign(keyPairs, access, usage))
        .add(new Verify(keyPairs, access, usage))
        .add(new VerifyMac(macs, access, usage))
        .add(new CreateGrant(keys, access))
        .add(new ListGrants(keys, access))
        .add(new ListRetirableGrants(keys, access))
        .add(new RetireGrant(keys, access))
        .add(new RevokeGrant(keys, access))
        .add(new GetKeyPolicy(keys, access))
        .add(new ListKeyPolicies(keys, access))
        .add(new PutKeyPolicy(keys, access))
        .add(new ListResourceTags(tags, keys, access))
        .add(new TagResource(tags, keys, access))
        .add(new UntagResource(tags, keys, access))
        .add(new DisableKeyRotation(rotations, keys, access))
        .add(new EnableKeyRotation(rotations, keys, access))
        .add(new GetKeyRotationStatus(rotations, keys, access))
        .add(new ListKeyRotations(rotations, keys, access))
        .add(new RotateKeyOnDemand(rotations, keys, access))
        .add(new ConnectCustomKeyStore(stores, access))
        .add(new CreateCustomKeyStore(stores, access))
        .add(new DeleteCustomKeyStore(stores, access))
        .add(new DescribeCustomKeyStores(stores, access))
        .add(new DisconnectCustomKeyStore(stores, access))
        .add(new UpdateCustomKeyStore(stores, access))
        .add(new DeleteImportedKeyMaterial(keys, imports, access))
        .add(new GetParametersForImport(keys, imports, access))
        .add(new ImportKeyMaterial(keys, imports, access))
        .add(new ReplicateKey(keys, keys.multiRegion(), access))
        .add(new UpdatePrimaryRegion(keys, keys.multiRegion(), access))
        .build();
  }
}
