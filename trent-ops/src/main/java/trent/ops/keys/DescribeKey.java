package trent.ops.keys;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/** DescribeKey (OPERATIONS.md "DescribeKey"): works in every key state. */
public final class DescribeKey extends BaseOperation<DescribeKey.Request, CreateKey.Response> {

  public record Request(String keyId, List<String> grantTokens) {}

  private final Keys keys;

  public DescribeKey(Keys keys) {
    super("DescribeKey", Request.class, true);
    this.keys = keys;
  }

  @Override
  public CreateKey.Response execute(Request in, CallContext context) {
    return new CreateKey.Response(KeyMetadata.of(keys.find(scope(context), in.keyId(), Forms.ANY)));
  }
}
