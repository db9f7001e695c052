package trent.ops.customkeystores;

import trent.domain.customkeystore.CustomKeyStores;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/**
 * ConnectCustomKeyStore (OPERATIONS.md "ConnectCustomKeyStore"): the attempt runs before the answer, and its
 * outcome, CONNECTED or FAILED with a ConnectionErrorCode, is what DescribeCustomKeyStores shows (AWS answers
 * at once and connects asynchronously; either way a successful answer does not mean connected).
 */
public final class ConnectCustomKeyStore extends BaseOperation<CustomKeyStoreIdRequest, NoOutput> {

  private final CustomKeyStores stores;
  private final Access access;

  public ConnectCustomKeyStore(CustomKeyStores stores, Access access) {
    super("ConnectCustomKeyStore", CustomKeyStoreIdRequest.class, true);
    this.stores = stores;
    this.access = access;
  }

  @Override
  public NoOutput execute(CustomKeyStoreIdRequest in, CallContext context) {
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    stores.connect(scope(context), in.customKeyStoreId(), context.requestId());
    return NoOutput.INSTANCE;
  }
}
