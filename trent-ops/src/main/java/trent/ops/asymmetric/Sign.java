package trent.ops.asymmetric;

import java.util.List;
import java.util.Map;
import trent.crypto.asymmetric.SigningAlgorithm;
import trent.crypto.asymmetric.SigningInput;
import trent.domain.asymmetric.KeyPairs;
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

/** Sign (OPERATIONS.md "Sign") with the private key of a SIGN_VERIFY key. */
public final class Sign extends BaseOperation<Sign.Request, Sign.Response> {

  public record Request(String keyId, byte[] message, String messageType, List<String> grantTokens,
      String signingAlgorithm, Boolean dryRun) {}

  public record Response(String keyId, byte[] signature, String signingAlgorithm) {}

  private final KeyPairs keyPairs;
  private final Access access;
  private final KeyUseListener uses;

  public Sign(KeyPairs keyPairs, Access access, KeyUseListener uses) {
    super("Sign", Request.class, false);
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
    Response response = new Response(key.arn(), keyPairs.sign(key, algorithm, input), algorithm.name());
    uses.used(key.keyId(), UsageOperation.Sign, context.requestId());
    return response;
  }
}
