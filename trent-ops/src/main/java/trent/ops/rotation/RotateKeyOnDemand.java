package trent.ops.rotation;

import trent.domain.key.Rotations;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.keys.KeyIdRequest;

/** RotateKeyOnDemand (OPERATIONS.md "RotateKeyOnDemand"); KeyId answers with the key id, as recorded from AWS. */
public final class RotateKeyOnDemand extends BaseOperation<KeyIdRequest, RotateKeyOnDemand.Response> {

  public record Response(String keyId) {}

  private final Rotations rotations;

  public RotateKeyOnDemand(Rotations rotations) {
    super("RotateKeyOnDemand", KeyIdRequest.class, true);
    this.rotations = rotations;
  }

  @Override
  public Response execute(KeyIdRequest in, CallContext context) {
    return new Response(rotations.rotateOnDemand(scope(context), in.keyId()).keyId());
  }
}
