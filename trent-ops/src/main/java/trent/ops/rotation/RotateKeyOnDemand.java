package trent.ops.rotation;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.key.Rotations;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.keys.KeyIdRequest;

/** RotateKeyOnDemand (OPERATIONS.md "RotateKeyOnDemand"); KeyId answers with the key id, as recorded from AWS. */
public final class RotateKeyOnDemand extends BaseOperation<KeyIdRequest, RotateKeyOnDemand.Response> {

  public record Response(String keyId) {}

  private final Rotations rotations;
  private final Keys keys;
  private final Access access;

  public RotateKeyOnDemand(Rotations rotations, Keys keys, Access access) {
    super("RotateKeyOnDemand", KeyIdRequest.class, true);
    this.rotations = rotations;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(KeyIdRequest in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    return new Response(rotations.rotateOnDemand(scope(context), key.keyId()).keyId());
  }
}
