package trent.ops.tags;

import java.util.List;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.tag.Tags;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** UntagResource (OPERATIONS.md "UntagResource"): removes tags by tag key. */
public final class UntagResource extends BaseOperation<UntagResource.Request, NoOutput> {

  public record Request(String keyId, List<String> tagKeys) {}

  private final Tags tags;
  private final Keys keys;
  private final Access access;

  public UntagResource(Tags tags, Keys keys, Access access) {
    super("UntagResource", Request.class, true);
    this.tags = tags;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of(), java.util.Map.of(),
        b -> b.condition("aws:TagKeys", in.tagKeys() == null ? List.of() : in.tagKeys()));
    tags.untag(scope(context), key.keyId(), in.tagKeys() == null ? List.of() : in.tagKeys());
    return NoOutput.INSTANCE;
  }
}
