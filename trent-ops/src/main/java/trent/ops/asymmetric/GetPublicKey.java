package trent.ops.asymmetric;

import java.util.List;
import java.util.Map;
import trent.domain.asymmetric.KeyPairs;
import trent.domain.error.KmsUnsupportedOperationException;
import trent.domain.grant.Grant;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/**
 * GetPublicKey (OPERATIONS.md "GetPublicKey"): the DER SubjectPublicKeyInfo of an asymmetric key
 * with its spec, usage and the algorithms of that usage, as DescribeKey lists them. A symmetric or
 * HMAC key has no public key: UnsupportedOperationException.
 */
public final class GetPublicKey extends BaseOperation<GetPublicKey.Request, GetPublicKey.Response> {

  public record Request(String keyId, List<String> grantTokens) {}

  public record Response(String keyId, byte[] publicKey, String customerMasterKeySpec, String keySpec,
      String keyUsage, List<String> encryptionAlgorithms, List<String> signingAlgorithms,
      List<String> keyAgreementAlgorithms) {}

  private final KeyPairs keyPairs;
  private final Access access;

  public GetPublicKey(KeyPairs keyPairs, Access access) {
    super("GetPublicKey", Request.class, false);
    this.keyPairs = keyPairs;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = SymmetricSteps.resolve(keyPairs.keys(), scope(context), in.keyId());
    context.keysUsed().add(key.arn());
    List<Grant> tokens = access.grantTokens(context, in.grantTokens());
    access.authorize(context, key, name(), tokens, Map.of(), SymmetricSteps.requestAlias(in.keyId()));
    key.requireEnabled();
    if (key.spec().asymmetric().isEmpty()) {
      throw KmsUnsupportedOperationException.specNotValidFor(key.arn(), key.spec().name(), name());
    }
    return new Response(key.arn(), keyPairs.publicKey(key).subjectPublicKeyInfo(),
        key.spec().customerMasterKeySpec(), key.spec().name(), key.usage().name(),
        orNull(key.spec().encryptionAlgorithms(key.usage())),
        orNull(key.spec().signingAlgorithms(key.usage())),
        orNull(key.spec().keyAgreementAlgorithms(key.usage())));
  }

  private static List<String> orNull(List<String> list) {
    return list.isEmpty() ? null : list;
  }
}
