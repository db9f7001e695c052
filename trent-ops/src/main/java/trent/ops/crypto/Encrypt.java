package trent.ops.crypto;

import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.domain.envelope.Envelopes;
import trent.domain.envelope.Envelopes.Sealed;
import trent.domain.key.KmsKey;
import trent.domain.usage.UsageOperation;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/** Encrypt (OPERATIONS.md "Encrypt") under a symmetric encryption key. */
public final class Encrypt extends BaseOperation<Encrypt.Request, Encrypt.Response> {

  public record Request(String keyId, byte[] plaintext, Map<String, String> encryptionContext,
      List<String> grantTokens, String encryptionAlgorithm, Boolean dryRun) {}

  public record Response(byte[] ciphertextBlob, String keyId, String encryptionAlgorithm) {}

  private final Envelopes envelopes;

  public Encrypt(Envelopes envelopes) {
    super("Encrypt", Request.class, false);
    this.envelopes = envelopes;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = SymmetricSteps.resolve(envelopes.keys(), scope(context), in.keyId());
    context.keysUsed().add(key.arn());
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
