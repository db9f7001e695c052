package trent.ops.tags;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.tag.Tag;
import trent.domain.tag.Tags;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** TagResource (OPERATIONS.md "TagResource"): adds or overwrites tags of a customer managed key. */
public final class TagResource extends BaseOperation<TagResource.Request, NoOutput> {

  public record Request(String keyId, List<Tag> tags) {}

  private final Tags tags;
  private final Keys keys;
  private final Access access;

  public TagResource(Tags tags, Keys keys, Access access) {
    super("TagResource", Request.class, true);
    this.tags = tags;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    List<Tag> requested = in.tags() == null ? List.of() : in.tags();
    access.authorize(context, key, name(), List.of(), java.util.Map.of(), b -> {
      for (Tag t : requested) {
        b.condition("aws:RequestTag/" + t.tagKey(), t.tagValue()).condition("aws:TagKeys", t.tagKey());
      }
    });
    tags.tag(scope(context), key.keyId(), in.tags() == null ? List.of() : in.tags());
    return NoOutput.INSTANCE;
  }
}
