package trent.ops.customkeystores;

import trent.domain.customkeystore.CustomKeyStores;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** DisconnectCustomKeyStore (OPERATIONS.md "DisconnectCustomKeyStore"): its keys become Unavailable. */
public final class DisconnectCustomKeyStore extends BaseOperation<CustomKeyStoreIdRequest, NoOutput> {

  private final CustomKeyStores stores;
  private final Access access;

  public DisconnectCustomKeyStore(CustomKeyStores stores, Access access) {
    super("DisconnectCustomKeyStore", CustomKeyStoreIdRequest.class, true);
    this.stores = stores;
    this.access = access;
  }

  @Override
  public NoOutput execute(CustomKeyStoreIdRequest in, CallContext context) {
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    stores.disconnect(scope(context), in.customKeyStoreId());
    return NoOutput.INSTANCE;
  }
}
