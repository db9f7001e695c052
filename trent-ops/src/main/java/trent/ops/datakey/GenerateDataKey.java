package trent.ops.datakey;

import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.domain.envelope.Envelopes;
import trent.domain.envelope.Envelopes.DataKey;
import trent.domain.grant.Grant;
import trent.domain.key.KmsKey;
import trent.domain.usage.UsageOperation;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/** GenerateDataKey (OPERATIONS.md "GenerateDataKey"): a fresh data key, in plaintext and encrypted. */
public final class GenerateDataKey extends BaseOperation<GenerateDataKey.Request, GenerateDataKey.Response> {

  public record Request(String keyId, Map<String, String> encryptionContext, Integer numberOfBytes, String keySpec,
      List<String> grantTokens, Object recipient, Boolean dryRun) {}

  public record Response(byte[] ciphertextBlob, byte[] plaintext, String keyId, String keyMaterialId) {}

  private final Envelopes envelopes;
  private final Access access;

  public GenerateDataKey(Envelopes envelopes, Access access) {
    super("GenerateDataKey", Request.class, false);
    this.envelopes = envelopes;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    int length = DataKeyLength.of(in.keySpec(), in.numberOfBytes());
    KmsKey key = SymmetricSteps.mayBlockFor(SymmetricSteps.resolve(envelopes.keys(), scope(context), in.keyId()),
        context);
    context.keysUsed().add(key.arn());
    List<Grant> tokens = access.grantTokens(context, in.grantTokens());
    access.authorize(context, key, name(), tokens, SymmetricSteps.context(in.encryptionContext()).asMap(),
        SymmetricSteps.requestAlias(in.keyId()).andThen(SymmetricSteps.encryptionAlgorithm(null)));
    SymmetricSteps.usable(key, name());
    SymmetricSteps.refuseRecipient(in.recipient());
    SymmetricSteps.dryRun(in.dryRun());
    DataKey dataKey = envelopes.generateDataKey(key, length, SymmetricSteps.context(in.encryptionContext()),
        SymmetricSteps.call(context, name()));
    try (SecretBytes plaintext = dataKey.plaintext()) {
      envelopes.used(key, UsageOperation.GenerateDataKey, context.requestId());
      return new Response(dataKey.sealed().ciphertextBlob(), plaintext.revealCopy(), key.arn(),
          dataKey.sealed().keyMaterialId());
    }
  }
}
