package trent.ops.asymmetric;

import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.AsymmetricPublicKey;
import trent.crypto.asymmetric.InvalidInputException;
import trent.domain.asymmetric.KeyPairs;
import trent.domain.error.ValidationException;
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
 * DeriveSharedSecret (OPERATIONS.md "DeriveSharedSecret"): raw ECDH between a KEY_AGREEMENT key and
 * a peer's DER SubjectPublicKeyInfo on the same curve. A peer key that is not DER, names another
 * curve or holds a point off the curve is refused before any scalar multiplication.
 */
public final class DeriveSharedSecret
    extends BaseOperation<DeriveSharedSecret.Request, DeriveSharedSecret.Response> {

  public record Request(String keyId, String keyAgreementAlgorithm, byte[] publicKey, List<String> grantTokens,
      Boolean dryRun, Object recipient) {}

  public record Response(String keyId, byte[] sharedSecret, byte[] ciphertextForRecipient,
      String keyAgreementAlgorithm, String keyOrigin) {}

  private final KeyPairs keyPairs;
  private final Access access;
  private final KeyUseListener uses;

  public DeriveSharedSecret(KeyPairs keyPairs, Access access, KeyUseListener uses) {
    super("DeriveSharedSecret", Request.class, false);
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
        .andThen(Access.condition("kms:KeyAgreementAlgorithm", in.keyAgreementAlgorithm())));
    AsymmetricSteps.usable(key, KeyUsage.KEY_AGREEMENT, name());
    AsymmetricSteps.requireKeyAgreementAlgorithm(key, in.keyAgreementAlgorithm());
    AsymmetricPublicKey peer = peerKey(key, in.publicKey());
    SymmetricSteps.refuseRecipient(in.recipient());
    SymmetricSteps.dryRun(in.dryRun());
    try (SecretBytes secret = keyPairs.deriveSharedSecret(key, peer)) {
      uses.used(key.keyId(), UsageOperation.DeriveSharedSecret, context.requestId());
      return new Response(key.arn(), secret.revealCopy(), null, in.keyAgreementAlgorithm(), key.origin().name());
    }
  }

  /** Not recorded (ours): AWS's text for an unusable peer key is not known; the error code is its model's. */
  private static AsymmetricPublicKey peerKey(KmsKey key, byte[] der) {
    try {
      return AsymmetricPublicKey.fromSubjectPublicKeyInfo(key.spec().asymmetric().orElseThrow(), der);
    } catch (InvalidInputException e) {
      throw new ValidationException(
          "PublicKey must be a DER-encoded SubjectPublicKeyInfo of a " + key.spec().name() + " public key.");
    }
  }
}
