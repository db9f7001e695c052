package trent.ops.multiregion;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.key.MultiRegionKeys;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/**
 * UpdatePrimaryRegion (OPERATIONS.md "UpdatePrimaryRegion"): the replica in {@code PrimaryRegion}
 * becomes the primary key and the current primary (the key the request names, in the caller's
 * Region) a replica. Authorized on both copies, each by its own key policy, as AWS documents it.
 * AWS shows both copies Updating for a moment; Trent changes every copy in one transaction.
 */
public final class UpdatePrimaryRegion extends BaseOperation<UpdatePrimaryRegion.Request, NoOutput> {

  public record Request(String keyId, String primaryRegion) {}

  private final Keys keys;
  private final MultiRegionKeys multiRegionKeys;
  private final Access access;

  public UpdatePrimaryRegion(Keys keys, MultiRegionKeys multiRegionKeys, Access access) {
    super("UpdatePrimaryRegion", Request.class, true);
    this.keys = keys;
    this.multiRegionKeys = multiRegionKeys;
    this.access = access;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    KmsKey primary = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, primary, name(), List.of());
    multiRegionKeys.updatePrimaryRegion(scope(context), primary.keyId(), in.primaryRegion(),
        (current, next) -> access.authorize(context, next, name(), List.of()));
    return NoOutput.INSTANCE;
  }
}
