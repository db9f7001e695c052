package trent.ops.keys;

import java.util.List;
import trent.domain.customkeystore.CustomKeyStores;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Imports;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.grant.Grant;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/** DescribeKey (OPERATIONS.md "DescribeKey"): works in every key state, and across accounts with a key or alias ARN. */
public final class DescribeKey extends BaseOperation<DescribeKey.Request, CreateKey.Response> {

  public record Request(String keyId, List<String> grantTokens) {}

  private final Keys keys;
  private final Imports imports;
  private final Access access;
  private final CustomKeyStores stores;

  public DescribeKey(Keys keys, Imports imports, Access access, CustomKeyStores stores) {
    super("DescribeKey", Request.class, true);
    this.keys = keys;
    this.imports = imports;
    this.access = access;
    this.stores = stores;
  }

  @Override
  public CreateKey.Response execute(Request in, CallContext context) {
    KmsKey key = keys.findAcrossAccounts(scope(context), in.keyId(), Forms.ANY);
    List<Grant> tokens = access.grantTokens(context, in.grantTokens());
    access.authorize(context, key, name(), tokens, java.util.Map.of(), trent.ops.SymmetricSteps.requestAlias(in.keyId()));
    return new CreateKey.Response(KeyMetadata.of(key, stores.connected(key), imports.currentOf(key),
        keys.copies(key)));
  }
}
