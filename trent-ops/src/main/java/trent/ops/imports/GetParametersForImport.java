package trent.ops.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import trent.crypto.asymmetric.AsymmetricKeySpec;
import trent.crypto.asymmetric.KeyMaterialUnwrapping.WrappingAlgorithm;
import trent.domain.error.ValidationException;
import trent.domain.key.Imports;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/**
 * GetParametersForImport (OPERATIONS.md "GetParametersForImport"): a wrapping public key (DER
 * SubjectPublicKeyInfo) and an import token, valid 24 hours by the server's clock. Blocking: it
 * generates an RSA key pair (an RSA-4096 one takes a second or more) and writes to storage.
 */
public final class GetParametersForImport
    extends BaseOperation<GetParametersForImport.Request, GetParametersForImport.Response> {

  public record Request(String keyId, String wrappingAlgorithm, String wrappingKeySpec) {}

  public record Response(String keyId, byte[] importToken, byte[] publicKey, Instant parametersValidTo) {}

  private final Keys keys;
  private final Imports imports;
  private final Access access;

  public GetParametersForImport(Keys keys, Imports imports, Access access) {
    super("GetParametersForImport", Request.class, true);
    this.keys = keys;
    this.imports = imports;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    context.keysUsed().add(key.arn());
    access.authorize(context, key, name(), List.of(), Map.of(), b -> b
        .condition("kms:WrappingAlgorithm", in.wrappingAlgorithm())
        .condition("kms:WrappingKeySpec", in.wrappingKeySpec()));
    Imports.requireImportable(key);
    WrappingAlgorithm algorithm = algorithm(in.wrappingAlgorithm());
    AsymmetricKeySpec spec = AsymmetricKeySpec.valueOf(in.wrappingKeySpec());
    if (!algorithm.fits(spec)) {
      // unconfirmed: AWS's text for a wrapping algorithm and wrapping key spec that do not go together.
      throw new ValidationException("WrappingAlgorithm " + algorithm.name() + " is not valid with WrappingKeySpec "
          + spec.name() + ".");
    }
    Imports.Parameters p = imports.parameters(key, algorithm, spec);
    return new Response(p.key().arn(), p.importToken(), p.publicKey(), p.parametersValidTo());
  }

  private static WrappingAlgorithm algorithm(String name) {
    try {
      return WrappingAlgorithm.valueOf(name);
    } catch (IllegalArgumentException e) {
      // RSAES_PKCS1_V1_5: no longer supported since October 10, 2023 (KMS developer guide).
      // unconfirmed: AWS's text for it.
      throw new ValidationException("The wrapping algorithm " + name + " is not supported.");
    }
  }
}
