package trent.ops.datakey;

import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.AsymmetricKeySpec;
import trent.domain.envelope.DataKeyPairs.DataKeyPair;
import trent.domain.envelope.DataKeyPairs;
import trent.domain.grant.Grant;
import trent.domain.key.KeyCache;
import trent.domain.key.KmsKey;
import trent.domain.usage.KeyUseListener;
import trent.domain.usage.UsageOperation;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/**
 * GenerateDataKeyPair (OPERATIONS.md "GenerateDataKeyPair"): a fresh key pair of KeyPairSpec, its
 * private key as PKCS#8 DER both in plaintext and sealed under a symmetric KMS key, its public key
 * as DER SubjectPublicKeyInfo. Blocking: an RSA_4096 pair takes a second or more to generate.
 */
public final class GenerateDataKeyPair
    extends BaseOperation<GenerateDataKeyPair.Request, GenerateDataKeyPair.Response> {

  public record Request(Map<String, String> encryptionContext, String keyId, String keyPairSpec,
      List<String> grantTokens, Object recipient, Boolean dryRun) {}

  public record Response(byte[] privateKeyCiphertextBlob, byte[] privateKeyPlaintext, byte[] publicKey, String keyId,
      String keyPairSpec, byte[] ciphertextForRecipient, String keyMaterialId) {}

  private final DataKeyPairs pairs;
  private final KeyCache keys;
  private final Access access;
  private final KeyUseListener uses;

  public GenerateDataKeyPair(DataKeyPairs pairs, KeyCache keys, Access access, KeyUseListener uses) {
    super("GenerateDataKeyPair", Request.class, true);
    this.uses = uses;
    this.pairs = pairs;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    AsymmetricKeySpec spec = AsymmetricKeySpec.fromKmsName(in.keyPairSpec()).orElseThrow();
    KmsKey key = SymmetricSteps.resolve(keys, scope(context), in.keyId());
    context.keysUsed().add(key.arn());
    List<Grant> tokens = access.grantTokens(context, in.grantTokens());
    access.authorize(context, key, name(), tokens, SymmetricSteps.context(in.encryptionContext()).asMap(),
        SymmetricSteps.requestAlias(in.keyId()).andThen(Access.condition("kms:DataKeyPairSpec", spec.name()))
            .andThen(SymmetricSteps.encryptionAlgorithm(null)));
    SymmetricSteps.usable(key, name());
    SymmetricSteps.refuseRecipient(in.recipient());
    SymmetricSteps.dryRun(in.dryRun());
    DataKeyPair pair = pairs.generate(key, spec, SymmetricSteps.context(in.encryptionContext()),
        SymmetricSteps.call(context, name()));
    uses.used(key.keyId(), UsageOperation.GenerateDataKeyPair, context.requestId());
    try (SecretBytes privateKey = pair.privateKeyPlaintext()) {
      return new Response(pair.sealed().ciphertextBlob(), privateKey.revealCopy(), pair.publicKey(), key.arn(),
          spec.name(), null, pair.sealed().keyMaterialId());
    }
  }
}
