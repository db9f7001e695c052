package trent.ops.imports;

import java.util.List;
import trent.domain.key.Imports;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/**
 * DeleteImportedKeyMaterial (OPERATIONS.md "DeleteImportedKeyMaterial"): deletes one imported
 * material (KeyMaterialId, by default the current one); deleting the current material puts the key
 * in PendingImport. Ciphertexts under it decrypt again after the same material is reimported.
 */
public final class DeleteImportedKeyMaterial
    extends BaseOperation<DeleteImportedKeyMaterial.Request, DeleteImportedKeyMaterial.Response> {

  public record Request(String keyId, String keyMaterialId) {}

  public record Response(String keyId, String keyMaterialId) {}

  private final Keys keys;
  private final Imports imports;
  private final Access access;

  public DeleteImportedKeyMaterial(Keys keys, Imports imports, Access access) {
    super("DeleteImportedKeyMaterial", Request.class, true);
    this.keys = keys;
    this.imports = imports;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    context.keysUsed().add(key.arn());
    access.authorize(context, key, name(), List.of());
    Imports.Outcome outcome = imports.delete(key, in.keyMaterialId());
    return new Response(outcome.key().arn(), outcome.keyMaterialId());
  }
}
