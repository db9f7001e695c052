package trent.ops.crypto;

import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.domain.ciphertext.CiphertextHeader;
import trent.domain.envelope.Envelopes;
import trent.domain.error.IncorrectKeyException;
import trent.domain.error.ValidationException;
import trent.domain.grant.Grant;
import trent.domain.key.KmsKey;
import trent.domain.usage.UsageOperation;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/**
 * Decrypt (OPERATIONS.md "Decrypt") of a symmetric ciphertext blob. The blob names its key, so
 * KeyId is optional; when given, it must name the same key ({@code IncorrectKeyException}).
 */
public final class Decrypt extends BaseOperation<Decrypt.Request, Decrypt.Response> {

  public record Request(byte[] ciphertextBlob, Map<String, String> encryptionContext, List<String> grantTokens,
      String keyId, String encryptionAlgorithm, Object recipient, Boolean dryRun, List<String> dryRunModifiers) {}

  public record Response(String keyId, byte[] plaintext, String encryptionAlgorithm, String keyMaterialId) {}

  private final Envelopes envelopes;
  private final Access access;

  public Decrypt(Envelopes envelopes, Access access) {
    super("Decrypt", Request.class, false);
    this.envelopes = envelopes;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    if (SymmetricSteps.ignoresCiphertext(in.dryRun(), in.dryRunModifiers())) {
      KmsKey key = SymmetricSteps.resolve(envelopes.keys(), scope(context),
          SymmetricSteps.requireKeyIdWithoutCiphertext(in.keyId(), "KeyId"));
      authorize(in, context, key);
      SymmetricSteps.usable(key, name());
      SymmetricSteps.requireSymmetricAlgorithm(in.encryptionAlgorithm(), key);
      SymmetricSteps.dryRun(true);
    }
    if (in.ciphertextBlob() == null) {
      throw new ValidationException(
          "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null");
    }
    CiphertextHeader header = envelopes.header(in.ciphertextBlob());
    KmsKey key = envelopes.keyOf(scope(context), header);
    context.keysUsed().add(key.arn());
    if (in.keyId() != null
        && !SymmetricSteps.resolve(envelopes.keys(), scope(context), in.keyId()).keyId().equals(key.keyId())) {
      throw IncorrectKeyException.keyIdMismatch();
    }
    authorize(in, context, key);
    SymmetricSteps.usable(key, name());
    SymmetricSteps.requireSymmetricAlgorithm(in.encryptionAlgorithm(), key);
    SymmetricSteps.refuseRecipient(in.recipient());
    SymmetricSteps.dryRun(in.dryRun());
    try (SecretBytes plaintext = envelopes.open(key, header, in.ciphertextBlob(),
        SymmetricSteps.context(in.encryptionContext()))) {
      envelopes.used(key, UsageOperation.Decrypt, context.requestId());
      return new Response(key.arn(), plaintext.revealCopy(), SymmetricSteps.SYMMETRIC_DEFAULT, header.keyMaterialId());
    }
  }

  /** Grant tokens, then authorization, with the request's encryption context as condition keys. */
  private void authorize(Request in, CallContext context, KmsKey key) {
    List<Grant> tokens = access.grantTokens(in.grantTokens());
    access.authorize(context, key, name(), tokens, SymmetricSteps.context(in.encryptionContext()).asMap(),
        SymmetricSteps.requestAlias(in.keyId()));
  }
}
