package trent.ops.aliases;

import java.time.Instant;
import java.util.List;
import trent.domain.Page;
import trent.domain.alias.Aliases;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.storage.AliasRecord;

/** ListAliases (OPERATIONS.md "ListAliases"): ordered by alias name, optionally of one key. */
public final class ListAliases extends BaseOperation<ListAliases.Request, ListAliases.Response> {

  public record Request(String keyId, Integer limit, String marker) {}

  public record Entry(String aliasName, String aliasArn, String targetKeyId, Instant creationDate, Instant lastUpdatedDate) {}

  public record Response(List<Entry> aliases, String nextMarker, boolean truncated) {}

  static final int DEFAULT_LIMIT = 50;

  private final Aliases aliases;
  private final Access access;

  public ListAliases(Aliases aliases, Access access) {
    super("ListAliases", Request.class, true);
    this.aliases = aliases;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    int limit = in.limit() == null ? DEFAULT_LIMIT : in.limit();
    Page<AliasRecord> page = aliases.list(scope(context), in.keyId(), in.marker(), limit);
    List<Entry> entries = page.items().stream()
        .map(a -> new Entry(a.aliasName(), Aliases.arn(scope(context), a.aliasName()), a.targetKeyId(),
            a.creationDate(), a.lastUpdatedDate()))
        .toList();
    return new Response(entries, page.nextMarker().orElse(null), page.truncated());
  }
}
