package trent.ops.tags;

import java.util.List;
import trent.domain.Page;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.tag.Tag;
import trent.domain.tag.Tags;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/**
 * ListResourceTags (OPERATIONS.md "ListResourceTags"): a key's tags ordered by tag key, in every
 * key state. Limit is documented as 1..50 with default 50 although the model allows up to 1000;
 * a larger Limit is served as 50 (KMS "does not return more than the specified number of items,
 * but it might return fewer").
 */
public final class ListResourceTags extends BaseOperation<ListResourceTags.Request, ListResourceTags.Response> {

  public record Request(String keyId, Integer limit, String marker) {}

  public record Response(List<Tag> tags, String nextMarker, boolean truncated) {}

  static final int MAX_LIMIT = 50;

  private final Tags tags;
  private final Keys keys;
  private final Access access;

  public ListResourceTags(Tags tags, Keys keys, Access access) {
    super("ListResourceTags", Request.class, true);
    this.tags = tags;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    int limit = in.limit() == null ? MAX_LIMIT : Math.min(in.limit(), MAX_LIMIT);
    Page<Tag> page = tags.list(scope(context), key.keyId(), in.marker(), limit);
    return new Response(page.items(), page.nextMarker().orElse(null), page.truncated());
  }
}
