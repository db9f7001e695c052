package trent.ops.asymmetric;

import java.util.List;
import java.util.Map;
import trent.crypto.asymmetric.SigningAlgorithm;
import trent.crypto.asymmetric.SigningInput;
import trent.domain.asymmetric.KeyPairs;
import trent.domain.error.KMSInvalidSignatureException;
import trent.domain.grant.Grant;
import trent.domain.key.KeyUsage;
import trent.domain.key.KmsKey;
import trent.domain.usage.KeyUseListener;
import trent.domain.usage.UsageOperation;
import trent.ops.Access;
import trent.ops.AsymmetricSteps;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/**
 * Verify (OPERATIONS.md "Verify"). A signature that does not verify is not SignatureValid=false but
 * {@code KMSInvalidSignatureException} with an empty message (LocalStack snapshot test_sign_verify,
 * "bad-signature").
 */
public final class Verify extends BaseOperation<Verify.Request, Verify.Response> {

  public record Request(String keyId, byte[] message, String messageType, byte[] signature,
      String signingAlgorithm, List<String> grantTokens, Boolean dryRun) {}

  public record Response(String keyId, boolean signatureValid, String signingAlgorithm) {}

  private final KeyPairs keyPairs;
  private final Access access;
  private final KeyUseListener uses;

  public Verify(KeyPairs keyPairs, Access access, KeyUseListener uses) {
    super("Verify", Request.class, false);
    this.uses = uses;
    this.keyPairs = keyPairs;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = SymmetricSteps.resolve(keyPairs.keys(), scope(context), in.keyId());
    context.keysUsed().add(key.arn());
    List<Grant> tokens = access.grantTokens(context, in.grantTokens());
    access.authorize(context, key, name(), tokens, Map.of(), SymmetricSteps.requestAlias(in.keyId())
        .andThen(Access.condition("kms:SigningAlgorithm", in.signingAlgorithm()))
        .andThen(Access.condition("kms:MessageType", in.messageType() == null ? "RAW" : in.messageType())));
    AsymmetricSteps.usable(key, KeyUsage.SIGN_VERIFY, name());
    SigningAlgorithm algorithm = AsymmetricSteps.signingAlgorithm(key, in.signingAlgorithm());
    SigningInput input = AsymmetricSteps.signingInput(key, algorithm, in.messageType(), in.message());
    SymmetricSteps.dryRun(in.dryRun());
    if (!keyPairs.verify(key, algorithm, input, in.signature())) {
      throw new KMSInvalidSignatureException("");
    }
    uses.used(key.keyId(), UsageOperation.Verify, context.requestId());
    return new Response(key.arn(), true, algorithm.name());
  }
}
