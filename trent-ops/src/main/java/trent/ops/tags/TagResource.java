package trent.ops.tags;

import java.util.List;
import trent.domain.tag.Tag;
import trent.domain.tag.Tags;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.NoOutput;

/** TagResource (OPERATIONS.md "TagResource"): adds or overwrites tags of a customer managed key. */
public final class TagResource extends BaseOperation<TagResource.Request, NoOutput> {

  public record Request(String keyId, List<Tag> tags) {}

  private final Tags tags;

  public TagResource(Tags tags) {
    super("TagResource", Request.class, true);
    this.tags = tags;
  }

  @Override
  public NoOutput execute(Request in, CallContext context) {
    tags.tag(scope(context), in.keyId(), in.tags() == null ? List.of() : in.tags());
    return NoOutput.INSTANCE;
  }
}
