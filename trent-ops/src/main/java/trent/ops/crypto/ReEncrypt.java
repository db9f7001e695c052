package trent.ops.crypto;

import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.EncryptionAlgorithm;
import trent.domain.asymmetric.KeyPairs;
import trent.domain.ciphertext.CiphertextHeader;
import trent.domain.envelope.Envelopes;
import trent.domain.envelope.Envelopes.Sealed;
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
 * ReEncrypt (OPERATIONS.md "ReEncrypt"): decrypts under the source key and encrypts under the
 * destination key without the plaintext leaving the server. The source side follows Decrypt's
 * rules, the destination side Encrypt's: either may be an RSA or SM2 ENCRYPT_DECRYPT key, with its
 * EncryptionAlgorithm (and, for the source, SourceKeyId, which an asymmetric ciphertext needs).
 */
public final class ReEncrypt extends BaseOperation<ReEncrypt.Request, ReEncrypt.Response> {

  public record Request(byte[] ciphertextBlob, Map<String, String> sourceEncryptionContext, String sourceKeyId,
      String destinationKeyId, Map<String, String> destinationEncryptionContext, String sourceEncryptionAlgorithm,
      String destinationEncryptionAlgorithm, List<String> grantTokens, Boolean dryRun, List<String> dryRunModifiers) {}

  public record Response(byte[] ciphertextBlob, String sourceKeyId, String keyId, String sourceEncryptionAlgorithm,
      String destinationEncryptionAlgorithm, String sourceKeyMaterialId, String destinationKeyMaterialId) {}

  private final Envelopes envelopes;
  private final KeyPairs keyPairs;
  private final Access access;

  public ReEncrypt(Envelopes envelopes, KeyPairs keyPairs, Access access) {
    super("ReEncrypt", Request.class, false);
    this.envelopes = envelopes;
    this.keyPairs = keyPairs;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey namedSource = in.sourceKeyId() == null ? null
        : SymmetricSteps.resolve(envelopes.keys(), scope(context), in.sourceKeyId());
    boolean asymmetricSource = namedSource != null && AsymmetricSteps.isAsymmetricEncryption(namedSource);
    if (SymmetricSteps.ignoresCiphertext(in.dryRun(), in.dryRunModifiers())) {
      KmsKey source = namedSource != null ? namedSource : SymmetricSteps.resolve(envelopes.keys(), scope(context),
          SymmetricSteps.requireKeyIdWithoutCiphertext(in.sourceKeyId(), "SourceKeyId"));
      KmsKey destination = SymmetricSteps.resolve(envelopes.keys(), scope(context), in.destinationKeyId());
      authorize(in, context, source, destination);
      usable(source);
      usable(destination);
      SymmetricSteps.dryRun(true);
    }
    if (in.ciphertextBlob() == null) {
      throw new ValidationException(
          "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null");
    }
    CiphertextHeader header = asymmetricSource ? null : envelopes.header(in.ciphertextBlob());
    KmsKey source = SymmetricSteps.mayBlockFor(asymmetricSource ? namedSource
        : envelopes.keyOf(scope(context), header), context);
    context.keysUsed().add(source.arn());
    if (namedSource != null && !namedSource.keyId().equals(source.keyId())) {
      throw IncorrectKeyException.keyIdMismatch();
    }
    KmsKey destination = SymmetricSteps.mayBlockFor(
        SymmetricSteps.resolve(envelopes.keys(), scope(context), in.destinationKeyId()), context);
    context.keysUsed().add(destination.arn());
    authorize(in, context, source, destination);
    usable(source);
    usable(destination);
    EncryptionAlgorithm sourceAlgorithm = algorithm(source, in.sourceEncryptionAlgorithm(), in.sourceEncryptionContext());
    EncryptionAlgorithm destinationAlgorithm =
        algorithm(destination, in.destinationEncryptionAlgorithm(), in.destinationEncryptionContext());
    SymmetricSteps.dryRun(in.dryRun());
    try (SecretBytes plaintext = asymmetricSource
        ? keyPairs.decrypt(source, sourceAlgorithm, in.ciphertextBlob())
        : envelopes.open(source, header, in.ciphertextBlob(), SymmetricSteps.context(in.sourceEncryptionContext()),
            SymmetricSteps.call(context, name()))) {
      String sourceMaterial = header == null ? null : header.keyMaterialId();
      if (destinationAlgorithm != null) {
        AsymmetricSteps.requirePlaintextFits(destination, destinationAlgorithm, plaintext.length());
        byte[] blob = keyPairs.encrypt(destination, destinationAlgorithm, plaintext);
        envelopes.used(source, UsageOperation.ReEncrypt, context.requestId());
        envelopes.used(destination, UsageOperation.ReEncrypt, context.requestId());
        return new Response(blob, source.arn(),
            destination.arn(), name(sourceAlgorithm), destinationAlgorithm.name(), sourceMaterial, null);
      }
      Sealed sealed = envelopes.seal(destination, plaintext, SymmetricSteps.context(in.destinationEncryptionContext()),
          SymmetricSteps.call(context, name()));
      envelopes.used(source, UsageOperation.ReEncrypt, context.requestId());
      envelopes.used(destination, UsageOperation.ReEncrypt, context.requestId());
      return new Response(sealed.ciphertextBlob(), source.arn(), destination.arn(), name(sourceAlgorithm),
          SymmetricSteps.SYMMETRIC_DEFAULT, sourceMaterial, sealed.keyMaterialId());
    }
  }

  /** State and usage of a symmetric key, or of an asymmetric ENCRYPT_DECRYPT key. */
  private void usable(KmsKey key) {
    if (AsymmetricSteps.isAsymmetricEncryption(key)) {
      AsymmetricSteps.usable(key, KeyUsage.ENCRYPT_DECRYPT, name());
    } else {
      SymmetricSteps.usable(key, name());
    }
  }

  /** The asymmetric algorithm of an asymmetric key (no encryption context), or null for a symmetric key. */
  private static EncryptionAlgorithm algorithm(KmsKey key, String requested, Map<String, String> encryptionContext) {
    if (!AsymmetricSteps.isAsymmetricEncryption(key)) {
      SymmetricSteps.requireSymmetricAlgorithm(requested, key);
      return null;
    }
    AsymmetricSteps.refuseEncryptionContext(encryptionContext, key);
    return AsymmetricSteps.encryptionAlgorithm(key, requested);
  }

  private static String name(EncryptionAlgorithm algorithm) {
    return algorithm == null ? SymmetricSteps.SYMMETRIC_DEFAULT : algorithm.name();
  }

  /**
   * Grant tokens, then kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination key,
   * each with its side's encryption context, {@code kms:EncryptionAlgorithm} and
   * {@code kms:ReEncryptOnSameKey} (whether both sides are one key).
   */
  private void authorize(Request in, CallContext context, KmsKey source, KmsKey destination) {
    List<Grant> tokens = access.grantTokens(context, in.grantTokens());
    String sameKey = Boolean.toString(source.keyId().equals(destination.keyId()));
    access.authorize(context, source, "ReEncryptFrom", tokens,
        SymmetricSteps.context(in.sourceEncryptionContext()).asMap(),
        SymmetricSteps.requestAlias(in.sourceKeyId())
            .andThen(SymmetricSteps.encryptionAlgorithm(in.sourceEncryptionAlgorithm()))
            .andThen(Access.condition("kms:ReEncryptOnSameKey", sameKey)));
    access.authorize(context, destination, "ReEncryptTo", tokens,
        SymmetricSteps.context(in.destinationEncryptionContext()).asMap(),
        SymmetricSteps.requestAlias(in.destinationKeyId())
            .andThen(SymmetricSteps.encryptionAlgorithm(in.destinationEncryptionAlgorithm()))
            .andThen(Access.condition("kms:ReEncryptOnSameKey", sameKey)));
  }
}
