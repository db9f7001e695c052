package trent.ops.datakey;

import java.util.List;
import java.util.Map;
import trent.crypto.asymmetric.AsymmetricKeySpec;
import trent.domain.envelope.DataKeyPairs.SealedKeyPair;
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
 * GenerateDataKeyPairWithoutPlaintext (OPERATIONS.md "GenerateDataKeyPairWithoutPlaintext"): as
 * GenerateDataKeyPair, but the private key exists only sealed; the domain destroys its plaintext.
 */
public final class GenerateDataKeyPairWithoutPlaintext extends
    BaseOperation<GenerateDataKeyPairWithoutPlaintext.Request, GenerateDataKeyPairWithoutPlaintext.Response> {

  public record Request(Map<String, String> encryptionContext, String keyId, String keyPairSpec,
      List<String> grantTokens, Boolean dryRun) {}

  public record Response(byte[] privateKeyCiphertextBlob, byte[] publicKey, String keyId, String keyPairSpec,
      String keyMaterialId) {}

  private final DataKeyPairs pairs;
  private final KeyCache keys;
  private final Access access;
  private final KeyUseListener uses;

  public GenerateDataKeyPairWithoutPlaintext(DataKeyPairs pairs, KeyCache keys, Access access, KeyUseListener uses) {
    super("GenerateDataKeyPairWithoutPlaintext", Request.class, true);
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
    SymmetricSteps.dryRun(in.dryRun());
    SealedKeyPair pair = pairs.generateWithoutPlaintext(key, spec, SymmetricSteps.context(in.encryptionContext()),
        SymmetricSteps.call(context, name()));
    uses.used(key.keyId(), UsageOperation.GenerateDataKeyPairWithoutPlaintext, context.requestId());
    return new Response(pair.sealed().ciphertextBlob(), pair.publicKey(), key.arn(), spec.name(),
        pair.sealed().keyMaterialId());
  }
}
