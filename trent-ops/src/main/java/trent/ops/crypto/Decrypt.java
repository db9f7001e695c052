package trent.ops.crypto;

import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.EncryptionAlgorithm;
import trent.domain.asymmetric.KeyPairs;
import trent.domain.ciphertext.CiphertextHeader;
import trent.domain.envelope.Envelopes;
import trent.domain.error.IncorrectKeyException;
import trent.domain.error.ValidationException;
import trent.domain.grant.Grant;
import trent.domain.key.KeyUsage;
import trent.domain.key.KmsKey;
import trent.domain.usage.UsageOperation;
import trent.ops.Access;
import trent.ops.AsymmetricSteps;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/**
 * Decrypt (OPERATIONS.md "Decrypt") of a symmetric ciphertext blob. The blob names its key, so
 * KeyId is optional; when given, it must name the same key ({@code IncorrectKeyException}).
 *
 * <p>An RSA or SM2 ciphertext names no key, so KeyId is required for it (API reference, Decrypt):
 * when KeyId names an asymmetric ENCRYPT_DECRYPT key, the blob is decrypted with its private key and
 * the EncryptionAlgorithm the request gives.
 */
public final class Decrypt extends BaseOperation<Decrypt.Request, Decrypt.Response> {

  public record Request(byte[] ciphertextBlob, Map<String, String> encryptionContext, List<String> grantTokens,
      String keyId, String encryptionAlgorithm, Object recipient, Boolean dryRun, List<String> dryRunModifiers) {}

  public record Response(String keyId, byte[] plaintext, String encryptionAlgorithm, String keyMaterialId) {}

  private final Envelopes envelopes;
  private final KeyPairs keyPairs;
  private final Access access;

  public Decrypt(Envelopes envelopes, KeyPairs keyPairs, Access access) {
    super("Decrypt", Request.class, false);
    this.envelopes = envelopes;
    this.keyPairs = keyPairs;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    if (in.keyId() != null) {
      KmsKey named = SymmetricSteps.resolve(envelopes.keys(), scope(context), in.keyId());
      if (AsymmetricSteps.isAsymmetricEncryption(named)) {
        context.keysUsed().add(named.arn());
        return asymmetric(in, context, named);
      }
    } else if (in.encryptionAlgorithm() != null && !in.encryptionAlgorithm().equals(SymmetricSteps.SYMMETRIC_DEFAULT)) {
      // Ours (not recorded): an asymmetric ciphertext does not name its key.
      throw new ValidationException("KeyId is required to decrypt with EncryptionAlgorithm " + in.encryptionAlgorithm() + ".");
    }
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
    KmsKey key = SymmetricSteps.mayBlockFor(envelopes.keyOf(scope(context), header), context);
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
        SymmetricSteps.context(in.encryptionContext()), SymmetricSteps.call(context, name()))) {
      envelopes.used(key, UsageOperation.Decrypt, context.requestId());
      return new Response(key.arn(), plaintext.revealCopy(), SymmetricSteps.SYMMETRIC_DEFAULT, header.keyMaterialId());
    }
  }

  private Response asymmetric(Request in, CallContext context, KmsKey key) {
    authorize(in, context, key);
    AsymmetricSteps.usable(key, KeyUsage.ENCRYPT_DECRYPT, name());
    EncryptionAlgorithm algorithm = AsymmetricSteps.encryptionAlgorithm(key, in.encryptionAlgorithm());
    AsymmetricSteps.refuseEncryptionContext(in.encryptionContext(), key);
    SymmetricSteps.refuseRecipient(in.recipient());
    SymmetricSteps.dryRun(in.dryRun());
    if (in.ciphertextBlob() == null) {
      throw new ValidationException(
          "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null");
    }
    try (SecretBytes plaintext = keyPairs.decrypt(key, algorithm, in.ciphertextBlob())) {
      envelopes.used(key, UsageOperation.Decrypt, context.requestId());
      return new Response(key.arn(), plaintext.revealCopy(), algorithm.name(), null);
    }
  }

  /**
   * Grant tokens, then authorization, with the request's encryption context and
   * {@code kms:EncryptionAlgorithm} as condition keys.
   */
  private void authorize(Request in, CallContext context, KmsKey key) {
    List<Grant> tokens = access.grantTokens(context, in.grantTokens());
    access.authorize(context, key, name(), tokens, SymmetricSteps.context(in.encryptionContext()).asMap(),
        SymmetricSteps.requestAlias(in.keyId()).andThen(SymmetricSteps.encryptionAlgorithm(in.encryptionAlgorithm())));
  }
}
