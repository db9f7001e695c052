package trent.ops.datakey;

import java.util.List;
import java.util.Map;
import trent.domain.envelope.Envelopes;
import trent.domain.envelope.Envelopes.Sealed;
import trent.domain.grant.Grant;
import trent.domain.key.KmsKey;
import trent.domain.usage.UsageOperation;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/**
 * GenerateDataKeyWithoutPlaintext ({@code GENERATE_DATA_KEY_WITHOUT_PLAINTEXT.md}): a fresh data key,
 * returned only encrypted. The domain call used here never hands the plaintext out.
 */
public final class GenerateDataKeyWithoutPlaintext
    extends BaseOperation<GenerateDataKeyWithoutPlaintext.Request, GenerateDataKeyWithoutPlaintext.Response> {

  public record Request(String keyId, Map<String, String> encryptionContext, String keySpec, Integer numberOfBytes,
      List<String> grantTokens, Boolean dryRun) {}

  public record Response(byte[] ciphertextBlob, String keyId, String keyMaterialId) {}

  private final Envelopes envelopes;
  private final Access access;

  public GenerateDataKeyWithoutPlaintext(Envelopes envelopes, Access access) {
    super("GenerateDataKeyWithoutPlaintext", Request.class, false);
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
    SymmetricSteps.dryRun(in.dryRun());
    Sealed sealed = envelopes.generateDataKeyWithoutPlaintext(key, length,
        SymmetricSteps.context(in.encryptionContext()), SymmetricSteps.call(context, name()));
    envelopes.used(key, UsageOperation.GenerateDataKeyWithoutPlaintext, context.requestId());
    return new Response(sealed.ciphertextBlob(), key.arn(), sealed.keyMaterialId());
  }
}
