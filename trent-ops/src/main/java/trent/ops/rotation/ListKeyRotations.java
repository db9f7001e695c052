package trent.ops.rotation;

import java.time.Instant;
import java.util.List;
import trent.domain.Page;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Imports;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.key.Rotations;
import trent.domain.key.Rotations.Entry;
import trent.ops.Access;
import trent.storage.ImportedMaterialRecord;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/**
 * ListKeyRotations (OPERATIONS.md "ListKeyRotations"). The members the model keeps for imported
 * material (KeyMaterialDescription, ImportState, ExpirationModel, ValidTo) are present only for
 * keys of origin EXTERNAL, as AWS omits them for KMS-made material.
 */
public final class ListKeyRotations extends BaseOperation<ListKeyRotations.Request, ListKeyRotations.Response> {

  public record Request(String keyId, String includeKeyMaterial, Integer limit, String marker) {}

  /** RotationsListEntry, members in model order. */
  public record RotationsListEntry(String keyId, String keyMaterialId, String keyMaterialDescription,
      String importState, String keyMaterialState, String expirationModel, Instant validTo, Instant rotationDate,
      String rotationType) {}

  public record Response(List<RotationsListEntry> rotations, String nextMarker, boolean truncated) {}

  static final int DEFAULT_LIMIT = 100;

  private final Rotations rotations;
  private final Keys keys;
  private final Access access;

  public ListKeyRotations(Rotations rotations, Keys keys, Access access) {
    super("ListKeyRotations", Request.class, true);
    this.rotations = rotations;
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    access.authorize(context, key, name(), List.of());
    int limit = in.limit() == null ? DEFAULT_LIMIT : in.limit();
    boolean all = "ALL_KEY_MATERIAL".equals(in.includeKeyMaterial());
    Page<Entry> page = rotations.list(scope(context), key.keyId(), all, in.marker(), limit);
    List<RotationsListEntry> entries = page.items().stream().map(ListKeyRotations::entry).toList();
    return new Response(entries, page.nextMarker().orElse(null), page.truncated());
  }

  private static RotationsListEntry entry(Entry e) {
    ImportedMaterialRecord m = e.imported();
    return new RotationsListEntry(e.keyId(), e.keyMaterialId(), m == null ? null : m.description(),
        m == null ? null : m.importState(), e.keyMaterialState(), m == null ? null : m.expirationModel(),
        m == null || !Imports.IMPORTED.equals(m.importState()) ? null : m.validTo(), e.rotationDate(),
        e.rotationType() == null ? null : e.rotationType().name());
  }
}
