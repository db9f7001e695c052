package trent.ops.tags;

import java.util.List;
import trent.domain.tag.Tags;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** UntagResource (OPERATIONS.md "UntagResource"): removes tags by tag key. */
public final class UntagResource extends BaseOperation<UntagResource.Request, NoOutput> {

  public record Request(String keyId, List<String> tagKeys) {}

  private final Tags tags;

  public UntagResource(Tags tags) {
    super("UntagResource", Request.class, true);
    this.tags = tags;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    tags.untag(scope(context), in.keyId(), in.tagKeys() == null ? List.of() : in.tagKeys());
    return NoOutput.INSTANCE;
  }
}
