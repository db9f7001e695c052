package trent.ops.crypto;

import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.EncryptionAlgorithm;
import trent.domain.asymmetric.KeyPairs;
import trent.domain.envelope.Envelopes;
import trent.domain.envelope.Envelopes.Sealed;
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
 * Encrypt (OPERATIONS.md "Encrypt") under a symmetric encryption key, or under the public key of an
 * RSA or SM2 ENCRYPT_DECRYPT key with RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256 or SM2PKE (no
 * encryption context; AWS's plaintext limits per key size).
 */
public final class Encrypt extends BaseOperation<Encrypt.Request, Encrypt.Response> {

  public record Request(String keyId, byte[] plaintext, Map<String, String> encryptionContext,
      List<String> grantTokens, String encryptionAlgorithm, Boolean dryRun) {}

  public record Response(byte[] ciphertextBlob, String keyId, String encryptionAlgorithm) {}

  private final Envelopes envelopes;
  private final KeyPairs keyPairs;
  private final Access access;

  public Encrypt(Envelopes envelopes, KeyPairs keyPairs, Access access) {
    super("Encrypt", Request.class, false);
    this.envelopes = envelopes;
    this.keyPairs = keyPairs;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = SymmetricSteps.mayBlockFor(SymmetricSteps.resolve(envelopes.keys(), scope(context), in.keyId()),
        context);
    context.keysUsed().add(key.arn());
    List<Grant> tokens = access.grantTokens(context, in.grantTokens());
    access.authorize(context, key, name(), tokens, SymmetricSteps.context(in.encryptionContext()).asMap(),
        SymmetricSteps.requestAlias(in.keyId()).andThen(SymmetricSteps.encryptionAlgorithm(in.encryptionAlgorithm())));
    if (AsymmetricSteps.isAsymmetricEncryption(key)) {
      Response response = asymmetric(in, key);
      envelopes.used(key, UsageOperation.Encrypt, context.requestId());
      return response;
    }
    SymmetricSteps.usable(key, name());
    SymmetricSteps.requireSymmetricAlgorithm(in.encryptionAlgorithm(), key);
    SymmetricSteps.dryRun(in.dryRun());
    try (SecretBytes plaintext = SecretBytes.adopt(in.plaintext())) {
      Sealed sealed = envelopes.seal(key, plaintext, SymmetricSteps.context(in.encryptionContext()),
          SymmetricSteps.call(context, name()));
      envelopes.used(key, UsageOperation.Encrypt, context.requestId());
      return new Response(sealed.ciphertextBlob(), key.arn(), SymmetricSteps.SYMMETRIC_DEFAULT);
    }
  }

  private Response asymmetric(Request in, KmsKey key) {
    AsymmetricSteps.usable(key, KeyUsage.ENCRYPT_DECRYPT, name());
    EncryptionAlgorithm algorithm = AsymmetricSteps.encryptionAlgorithm(key, in.encryptionAlgorithm());
    AsymmetricSteps.refuseEncryptionContext(in.encryptionContext(), key);
    AsymmetricSteps.requirePlaintextFits(key, algorithm, in.plaintext().length);
    SymmetricSteps.dryRun(in.dryRun());
    try (SecretBytes plaintext = SecretBytes.adopt(in.plaintext())) {
      return new Response(keyPairs.encrypt(key, algorithm, plaintext), key.arn(), algorithm.name());
    }
  }
}
