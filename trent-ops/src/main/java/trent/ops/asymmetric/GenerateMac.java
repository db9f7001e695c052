package trent.ops.asymmetric;

import java.util.List;
import java.util.Map;
import trent.crypto.mac.MacAlgorithm;
import trent.domain.asymmetric.Macs;
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

/** GenerateMac (OPERATIONS.md "GenerateMac") under a GENERATE_VERIFY_MAC key. */
public final class GenerateMac extends BaseOperation<GenerateMac.Request, GenerateMac.Response> {

  public record Request(byte[] message, String keyId, String macAlgorithm, List<String> grantTokens, Boolean dryRun) {}

  public record Response(byte[] mac, String macAlgorithm, String keyId) {}

  private final Macs macs;
  private final Access access;
  private final KeyUseListener uses;

  public GenerateMac(Macs macs, Access access, KeyUseListener uses) {
    super("GenerateMac", Request.class, false);
    this.uses = uses;
    this.macs = macs;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = SymmetricSteps.resolve(macs.keys(), scope(context), in.keyId());
    context.keysUsed().add(key.arn());
    List<Grant> tokens = access.grantTokens(context, in.grantTokens());
    access.authorize(context, key, name(), tokens, Map.of(),
        SymmetricSteps.requestAlias(in.keyId()).andThen(Access.condition("kms:MacAlgorithm", in.macAlgorithm())));
    AsymmetricSteps.usable(key, KeyUsage.GENERATE_VERIFY_MAC, name());
    MacAlgorithm algorithm = AsymmetricSteps.macAlgorithm(key, in.macAlgorithm());
    SymmetricSteps.dryRun(in.dryRun());
    Response response = new Response(macs.generateMac(key, algorithm, in.message()), algorithm.name(), key.arn());
    uses.used(key.keyId(), UsageOperation.GenerateMac, context.requestId());
    return response;
  }
}
