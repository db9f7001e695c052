package trent.ops.multiregion;

import java.util.List;
import java.util.Map;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.key.MultiRegionKeys;
import trent.domain.tag.Tag;
import trent.domain.tag.Tags;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.keys.DefaultKeyPolicy;
import trent.ops.keys.KeyMetadata;

/**
 * ReplicateKey (OPERATIONS.md "ReplicateKey"): a replica of a multi-Region primary key in another
 * Region of the caller's account, with the primary's key id and key material and its own
 * description, key policy and tags. Authorized as AWS documents it: {@code kms:ReplicateKey} on
 * the primary (its key policy), and from the caller's identity policy {@code kms:CreateKey} and,
 * when the request has tags, {@code kms:TagResource}. The replica is created Enabled at once
 * (AWS shows Creating for a moment; Trent's copy is one transaction).
 */
public final class ReplicateKey extends BaseOperation<ReplicateKey.Request, ReplicateKey.Response> {

  public record Request(String keyId, String replicaRegion, String policy, Boolean bypassPolicyLockoutSafetyCheck,
      String description, List<Tag> tags) {}

  public record Response(KeyMetadata replicaKeyMetadata, String replicaPolicy, List<Tag> replicaTags) {}

  private final Keys keys;
  private final MultiRegionKeys multiRegionKeys;
  private final Access access;

  public ReplicateKey(Keys keys, MultiRegionKeys multiRegionKeys, Access access) {
    super("ReplicateKey", Request.class, true);
    this.keys = keys;
    this.multiRegionKeys = multiRegionKeys;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    List<Tag> requested = in.tags() == null ? List.of() : in.tags();
    Map<String, String> tags = Tags.validated(requested);
    KmsKey primary = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, primary, name(), List.of());
    MultiRegionKeys.requireReplicable(primary);
    access.authorizeIdentityOnly(context, "CreateKey", "*", b -> {
      b.condition("kms:KeySpec", primary.spec().name()).condition("kms:KeyUsage", primary.usage().name())
          .condition("kms:KeyOrigin", primary.origin().name()).condition("kms:MultiRegion", "true")
          .condition("aws:TagKeys", tags.keySet());
      tags.forEach((k, v) -> b.condition("aws:RequestTag/" + k, v));
      if (in.bypassPolicyLockoutSafetyCheck() != null) {
        b.condition("kms:BypassPolicyLockoutSafetyCheck", in.bypassPolicyLockoutSafetyCheck().toString());
      }
    });
    if (!tags.isEmpty()) {
      // The replica does not exist yet: like kms:CreateKey, kms:TagResource comes from the caller's
      // identity policy (ReplicateKey documentation, "Required permissions").
      access.authorizeIdentityOnly(context, "TagResource", "*", b -> {
        b.condition("aws:TagKeys", tags.keySet());
        tags.forEach((k, v) -> b.condition("aws:RequestTag/" + k, v));
      });
    }
    String policy = in.policy() != null ? in.policy() : DefaultKeyPolicy.forAccount(context.account());
    if (in.policy() != null) {
      access.lockoutSafetyCheck(context, Access.parseKeyPolicy(in.policy()), "*",
          Boolean.TRUE.equals(in.bypassPolicyLockoutSafetyCheck()));
    }
    String description = in.description() == null ? "" : in.description();
    KmsKey replica = multiRegionKeys.replicate(scope(context), primary.keyId(), in.replicaRegion(),
        new MultiRegionKeys.Replica(description, policy, tags), fresh -> { });
    List<KmsKey> copies = keys.copies(replica);
    List<Tag> replicaTags = tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> new Tag(e.getKey(), e.getValue())).toList();
    return new Response(KeyMetadata.of(replica, copies), policy, replicaTags);
  }
}
