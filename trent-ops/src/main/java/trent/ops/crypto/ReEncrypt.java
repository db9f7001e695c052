package trent.ops.crypto;

import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.domain.ciphertext.CiphertextHeader;
import trent.domain.envelope.Envelopes;
import trent.domain.envelope.Envelopes.Sealed;
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
 * ReEncrypt (OPERATIONS.md "ReEncrypt"): decrypts under the source key and encrypts under the
 * destination key without the plaintext leaving the server. The source side follows Decrypt's
 * rules, the destination side Encrypt's.
 */
public final class ReEncrypt extends BaseOperation<ReEncrypt.Request, ReEncrypt.Response> {

  public record Request(byte[] ciphertextBlob, Map<String, String> sourceEncryptionContext, String sourceKeyId,
      String destinationKeyId, Map<String, String> destinationEncryptionContext, String sourceEncryptionAlgorithm,
      String destinationEncryptionAlgorithm, List<String> grantTokens, Boolean dryRun, List<String> dryRunModifiers) {}

  public record Response(byte[] ciphertextBlob, String sourceKeyId, String keyId, String sourceEncryptionAlgorithm,
      String destinationEncryptionAlgorithm, String sourceKeyMaterialId, String destinationKeyMaterialId) {}

  private final Envelopes envelopes;
  private final Access access;

  public ReEncrypt(Envelopes envelopes, Access access) {
    super("ReEncrypt", Request.class, false);
    this.envelopes = envelopes;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    if (SymmetricSteps.ignoresCiphertext(in.dryRun(), in.dryRunModifiers())) {
      KmsKey source = SymmetricSteps.resolve(envelopes.keys(), scope(context),
          SymmetricSteps.requireKeyIdWithoutCiphertext(in.sourceKeyId(), "SourceKeyId"));
      KmsKey destination = SymmetricSteps.resolve(envelopes.keys(), scope(context), in.destinationKeyId());
      authorize(in, context, source, destination);
      SymmetricSteps.usable(source, name());
      SymmetricSteps.usable(destination, name());
      SymmetricSteps.dryRun(true);
    }
    if (in.ciphertextBlob() == null) {
      throw new ValidationException(
          "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null");
    }
    CiphertextHeader header = envelopes.header(in.ciphertextBlob());
    KmsKey source = envelopes.keyOf(scope(context), header);
    context.keysUsed().add(source.arn());
    if (in.sourceKeyId() != null
        && !SymmetricSteps.resolve(envelopes.keys(), scope(context), in.sourceKeyId()).keyId().equals(source.keyId())) {
      throw IncorrectKeyException.keyIdMismatch();
    }
    KmsKey destination = SymmetricSteps.resolve(envelopes.keys(), scope(context), in.destinationKeyId());
    context.keysUsed().add(destination.arn());
    authorize(in, context, source, destination);
    SymmetricSteps.usable(source, name());
    SymmetricSteps.usable(destination, name());
    SymmetricSteps.requireSymmetricAlgorithm(in.sourceEncryptionAlgorithm(), source);
    SymmetricSteps.requireSymmetricAlgorithm(in.destinationEncryptionAlgorithm(), destination);
    SymmetricSteps.dryRun(in.dryRun());
    try (SecretBytes plaintext = envelopes.open(source, header, in.ciphertextBlob(),
        SymmetricSteps.context(in.sourceEncryptionContext()))) {
      Sealed sealed = envelopes.seal(destination, plaintext, SymmetricSteps.context(in.destinationEncryptionContext()));
      envelopes.used(source, UsageOperation.ReEncrypt, context.requestId());
      envelopes.used(destination, UsageOperation.ReEncrypt, context.requestId());
      return new Response(sealed.ciphertextBlob(), source.arn(), destination.arn(), SymmetricSteps.SYMMETRIC_DEFAULT,
          SymmetricSteps.SYMMETRIC_DEFAULT, header.keyMaterialId(), sealed.keyMaterialId());
    }
  }

  /** Grant tokens, then kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination key. */
  private void authorize(Request in, CallContext context, KmsKey source, KmsKey destination) {
    List<Grant> tokens = access.grantTokens(in.grantTokens());
    access.authorize(context, source, "ReEncryptFrom", tokens,
        SymmetricSteps.context(in.sourceEncryptionContext()).asMap(), SymmetricSteps.requestAlias(in.sourceKeyId()));
    access.authorize(context, destination, "ReEncryptTo", tokens,
        SymmetricSteps.context(in.destinationEncryptionContext()).asMap(),
        SymmetricSteps.requestAlias(in.destinationKeyId()));
  }
}
