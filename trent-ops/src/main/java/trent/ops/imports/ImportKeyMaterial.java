package trent.ops.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import trent.domain.key.Imports;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;

/**
 * ImportKeyMaterial (OPERATIONS.md "ImportKeyMaterial"), with the 2026 model's ImportType,
 * KeyMaterialDescription and KeyMaterialId. Blocking: it decrypts with an RSA private key and
 * writes to storage.
 */
public final class ImportKeyMaterial extends BaseOperation<ImportKeyMaterial.Request, ImportKeyMaterial.Response> {

  public record Request(String keyId, byte[] importToken, byte[] encryptedKeyMaterial, BigDecimal validTo,
      String expirationModel, String importType, String keyMaterialDescription, String keyMaterialId) {
    @Override
    public String toString() {
      return "ImportKeyMaterial.Request[keyId=" + keyId + ", expirationModel=" + expirationModel + "]";
    }
  }

  public record Response(String keyId, String keyMaterialId) {}

  private final Keys keys;
  private final Imports imports;
  private final Access access;

  public ImportKeyMaterial(Keys keys, Imports imports, Access access) {
    super("ImportKeyMaterial", Request.class, true);
    this.keys = keys;
    this.imports = imports;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    KmsKey key = keys.find(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    context.keysUsed().add(key.arn());
    Instant validTo = in.validTo() == null ? null : instant(in.validTo());
    access.authorize(context, key, name(), List.of(), Map.of(), b -> {
      b.condition("kms:ExpirationModel",
          in.expirationModel() == null ? Imports.KEY_MATERIAL_EXPIRES : in.expirationModel());
      if (validTo != null) {
        b.condition("kms:ValidTo", Long.toString(validTo.getEpochSecond()));
      }
    });
    Imports.Outcome outcome = imports.importMaterial(key, new Imports.ImportRequest(in.importToken(),
        in.encryptedKeyMaterial(), in.expirationModel(), validTo, in.importType(), in.keyMaterialDescription(),
        in.keyMaterialId()));
    return new Response(outcome.key().arn(), outcome.keyMaterialId());
  }

  /** A timestamp member: epoch seconds, with a fraction of up to milliseconds that the SDKs send. */
  private static Instant instant(BigDecimal epochSeconds) {
    BigDecimal millis = epochSeconds.movePointRight(3).setScale(0, RoundingMode.FLOOR);
    return Instant.ofEpochMilli(millis.longValueExact());
  }
}
