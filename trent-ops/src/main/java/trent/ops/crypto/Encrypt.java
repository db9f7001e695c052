package trent.ops.crypto;

import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.domain.envelope.Envelopes;
import trent.domain.envelope.Envelopes.Sealed;
import trent.domain.grant.Grant;
import trent.domain.key.KmsKey;
import trent.domain.usage.UsageOperation;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/** Encrypt (OPERATIONS.md "Encrypt") under a symmetric encryption key. */
public final class Encrypt extends BaseOperation<Encrypt.Request, Encrypt.Response> {

  public record Request(String keyId, byte[] plaintext, Map<String, String> encryptionContext,
      List<String> grantTokens, String encryptionAlgorithm, Boolean dryRun) {}

  public record Response(byte[] ciphertextBlob, String keyId, String encryptionAlgorithm) {}

  private final Envelopes envelopes;
  private final Access access;

  public Encrypt(Envelopes envelopes, Access access) {
    super("Encrypt", Request.class, false);
    this.envelopes = envelopes;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = SymmetricSteps.resolve(envelopes.keys(), scope(context), in.keyId());
    context.keysUsed().add(key.arn());
    List<Grant> tokens = access.grantTokens(in.grantTokens());
    access.authorize(context, key, name(), tokens, SymmetricSteps.context(in.encryptionContext()).asMap(),
        SymmetricSteps.requestAlias(in.keyId()));
    SymmetricSteps.usable(key, name());
    SymmetricSteps.requireSymmetricAlgorithm(in.encryptionAlgorithm(), key);
    SymmetricSteps.dryRun(in.dryRun());
    try (SecretBytes plaintext = SecretBytes.adopt(in.plaintext())) {
      Sealed sealed = envelopes.seal(key, plaintext, SymmetricSteps.context(in.encryptionContext()));
      envelopes.used(key, UsageOperation.Encrypt, context.requestId());
      return new Response(sealed.ciphertextBlob(), key.arn(), SymmetricSteps.SYMMETRIC_DEFAULT);
    }
  }
}
