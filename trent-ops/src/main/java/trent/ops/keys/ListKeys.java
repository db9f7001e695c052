package trent.ops.keys;

import java.util.List;
import trent.domain.Page;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/** ListKeys (OPERATIONS.md "ListKeys"): keys of every state, ordered by key id. */
public final class ListKeys extends BaseOperation<ListKeys.Request, ListKeys.Response> {

  public record Request(Integer limit, String marker) {}

  public record Entry(String keyId, String keyArn) {}

  public record Response(List<Entry> keys, String nextMarker, boolean truncated) {}

  static final int DEFAULT_LIMIT = 100;

  private final Keys keys;
  private final Access access;

  public ListKeys(Keys keys, Access access) {
    super("ListKeys", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    int limit = in.limit() == null ? DEFAULT_LIMIT : in.limit();
    Page<KmsKey> page = keys.list(scope(context), in.marker(), limit);
    List<Entry> entries = page.items().stream().map(k -> new Entry(k.keyId(), k.arn())).toList();
    return new Response(entries, page.nextMarker().orElse(null), page.truncated());
  }
}
