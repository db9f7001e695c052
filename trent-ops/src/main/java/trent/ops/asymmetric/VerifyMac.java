package trent.ops.asymmetric;

import java.util.List;
import java.util.Map;
import trent.crypto.mac.MacAlgorithm;
import trent.domain.asymmetric.Macs;
import trent.domain.error.KMSInvalidMacException;
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
 * VerifyMac (OPERATIONS.md "VerifyMac"). A MAC that does not match is {@code KMSInvalidMacException}
 * with an empty message (LocalStack snapshot test_invalid_verify_mac).
 */
public final class VerifyMac extends BaseOperation<VerifyMac.Request, VerifyMac.Response> {

  public record Request(byte[] message, String keyId, String macAlgorithm, byte[] mac, List<String> grantTokens,
      Boolean dryRun) {}

  public record Response(String keyId, boolean macValid, String macAlgorithm) {}

  private final Macs macs;
  private final Access access;
  private final KeyUseListener uses;

  public VerifyMac(Macs macs, Access access, KeyUseListener uses) {
    super("VerifyMac", Request.class, false);
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
    if (!macs.verifyMac(key, algorithm, in.message(), in.mac())) {
      throw new KMSInvalidMacException("");
    }
    uses.used(key.keyId(), UsageOperation.VerifyMac, context.requestId());
    return new Response(key.arn(), true, algorithm.name());
  }
}
