package trent.ops.customkeystores;

import trent.domain.customkeystore.CustomKeyStores;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** DeleteCustomKeyStore (OPERATIONS.md "DeleteCustomKeyStore"): only a disconnected store without keys. */
public final class DeleteCustomKeyStore extends BaseOperation<CustomKeyStoreIdRequest, NoOutput> {

  private final CustomKeyStores stores;
  private final Access access;

  public DeleteCustomKeyStore(CustomKeyStores stores, Access access) {
    super("DeleteCustomKeyStore", CustomKeyStoreIdRequest.class, true);
    this.stores = stores;
    this.access = access;
  }

  @Override
  public NoOutput execute(CustomKeyStoreIdRequest in, CallContext context) {
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    stores.delete(scope(context), in.customKeyStoreId());
    return NoOutput.INSTANCE;
  }
}
