package trent.ops.keys;

import java.util.List;
import java.util.Map;
import trent.domain.customkeystore.ConnectionState;
import trent.domain.customkeystore.CustomKeyStore;
import trent.domain.customkeystore.CustomKeyStoreType;
import trent.domain.customkeystore.CustomKeyStores;
import trent.domain.customkeystore.ExternalKeys;
import trent.domain.error.CustomKeyStoreInvalidStateException;
import trent.domain.error.KmsUnsupportedOperationException;
import trent.domain.error.ValidationException;
import trent.domain.key.KeySpec;
import trent.domain.key.KeyUsage;
import trent.domain.key.Keys;
import trent.domain.key.NewKey;
import trent.domain.key.Origin;
import trent.domain.tag.Tags;
import trent.ops.Access;
import trent.ops.CallContext;
import trent.ops.BaseOperation;

/**
 * CreateKey (OPERATIONS.md "CreateKey") for every KeySpec and KeyUsage pair AWS allows
 * ({@link KeySpec#allows}), with Origin AWS_KMS or EXTERNAL (a key without material, in
 * PendingImport, for every spec but ML-DSA), single-Region or multi-Region ({@code MultiRegion}: a
 * primary key whose id is {@code mrk-} and 32 hex digits; see {@link ReplicateKey}). Blocking: it writes to storage, and generating an RSA-4096 key pair
 * takes a second or more, so it runs on the worker pool, never on an I/O thread.
 */
public final class CreateKey extends BaseOperation<CreateKey.Request, CreateKey.Response> {

  public record Tag(String tagKey, String tagValue) {}

  public record Request(
      String policy,
      String description,
      String keyUsage,
      String customerMasterKeySpec,
      String keySpec,
      String origin,
      String customKeyStoreId,
      Boolean bypassPolicyLockoutSafetyCheck,
      List<Tag> tags,
      Boolean multiRegion,
      String xksKeyId) {}

  public record Response(KeyMetadata keyMetadata) {}

  /** Recorded AWS text (LocalStack snapshot test_hmac_create_key_invalid_operations). */
  static final String KEY_USAGE_REQUIRED =
      "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.";

  private final Keys keys;
  private final Access access;
  private final CustomKeyStores stores;
  private final ExternalKeys externalKeys;

  public CreateKey(Keys keys, Access access, CustomKeyStores stores) {
    super("CreateKey", Request.class, true);
    this.keys = keys;
    this.access = access;
    this.stores = stores;
    this.externalKeys = new ExternalKeys(stores);
  }

  @Override
  public Response execute(Request in, CallContext context) {
    if (in.keySpec() != null && in.customerMasterKeySpec() != null) {
      throw new ValidationException(
          "You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.");
    }
    String specName = in.keySpec() != null ? in.keySpec() : in.customerMasterKeySpec();
    KeySpec spec = specName == null ? KeySpec.SYMMETRIC_DEFAULT : KeySpec.valueOf(specName);
    if (in.keyUsage() == null && spec != KeySpec.SYMMETRIC_DEFAULT) {
      throw new ValidationException(KEY_USAGE_REQUIRED);
    }
    KeyUsage usage = in.keyUsage() == null ? KeyUsage.ENCRYPT_DECRYPT : KeyUsage.valueOf(in.keyUsage());
    if (!spec.allows(usage)) {
      // Not recorded: AWS's text for a pair it refuses is not known; this is the form other KMS
      // implementations use (nsmithuk/local-kms, LocalStack for HMAC specs).
      throw new ValidationException("KeyUsage " + usage + " is not compatible with KeySpec " + spec + ".");
    }
    Origin origin = in.origin() == null ? Origin.AWS_KMS : Origin.valueOf(in.origin());
    boolean inCustomKeyStore = origin == Origin.AWS_CLOUDHSM || origin == Origin.EXTERNAL_KEY_STORE;
    requireCustomKeyStoreMembers(in, origin, inCustomKeyStore);
    if (inCustomKeyStore) {
      requireCustomKeyStoreKey(spec, usage, in.multiRegion());
    } else if (origin != Origin.AWS_KMS && origin != Origin.EXTERNAL) {
      throw new KmsUnsupportedOperationException("Origin " + origin + " is not supported by this server yet.");
    }
    if (origin == Origin.EXTERNAL && (spec == KeySpec.ML_DSA_44 || spec == KeySpec.ML_DSA_65
        || spec == KeySpec.ML_DSA_87)) {
      // unconfirmed: AWS makes ML-DSA keys only with KMS-made material; this text is ours.
      throw new KmsUnsupportedOperationException("KeySpec " + spec + " is not supported for Origin EXTERNAL.");
    }
    // Multi-Region keys: symmetric, asymmetric, HMAC, of origin AWS_KMS or EXTERNAL; never in a
    // custom key store (refused above).
    boolean multiRegion = Boolean.TRUE.equals(in.multiRegion());
    Map<String, String> tags = tags(in.tags());
    access.authorizeIdentityOnly(context, name(), "*", b -> {
      b.condition("kms:KeySpec", spec.name()).condition("kms:KeyUsage", usage.name())
          .condition("kms:KeyOrigin", origin.name()).condition("kms:MultiRegion", Boolean.toString(multiRegion))
          .condition("aws:TagKeys", tags.keySet());
      tags.forEach((k, v) -> b.condition("aws:RequestTag/" + k, v));
      b.condition("kms:CustomerMasterKeySpec", spec.name()).condition("kms:CustomerMasterKeyUsage", usage.name());
      if (in.bypassPolicyLockoutSafetyCheck() != null) {
        b.condition("kms:BypassPolicyLockoutSafetyCheck", in.bypassPolicyLockoutSafetyCheck().toString());
      }
    });
    String policy = in.policy() != null ? in.policy() : DefaultKeyPolicy.forAccount(context.account());
    if (in.policy() != null) {
      access.lockoutSafetyCheck(context, Access.parseKeyPolicy(in.policy()), "*",
          Boolean.TRUE.equals(in.bypassPolicyLockoutSafetyCheck()));
    }
    NewKey request = new NewKey(in.description() == null ? "" : in.description(), spec, usage, origin,
        policy, tags, multiRegion);
    if (inCustomKeyStore) {
      CustomKeyStore store = connectedStore(in.customKeyStoreId(), origin, context);
      if (store.external()) {
        externalKeys.requireUsable(store, in.xksKeyId(), context.caller().principalArn(), context.requestId());
      }
      return new Response(KeyMetadata.of(keys.createIn(scope(context), request, store.id(), in.xksKeyId())));
    }
    return new Response(KeyMetadata.of(keys.create(scope(context), request)));
  }

  /**
   * CustomKeyStoreId goes with Origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE, and XksKeyId with
   * EXTERNAL_KEY_STORE only (API reference, CreateKey).
   */
  private static void requireCustomKeyStoreMembers(Request in, Origin origin, boolean inCustomKeyStore) {
    if (inCustomKeyStore && in.customKeyStoreId() == null) {
      // unconfirmed: AWS's text.
      throw new ValidationException("CustomKeyStoreId is required when Origin is " + origin + ".");
    }
    if (!inCustomKeyStore && in.customKeyStoreId() != null) {
      // unconfirmed: AWS's text.
      throw new ValidationException("CustomKeyStoreId is valid only when Origin is AWS_CLOUDHSM or EXTERNAL_KEY_STORE.");
    }
    if (origin == Origin.EXTERNAL_KEY_STORE && in.xksKeyId() == null) {
      // unconfirmed: AWS's text.
      throw new ValidationException("XksKeyId is required when Origin is EXTERNAL_KEY_STORE.");
    }
    if (origin != Origin.EXTERNAL_KEY_STORE && in.xksKeyId() != null) {
      // unconfirmed: AWS's text.
      throw new ValidationException("XksKeyId is valid only when Origin is EXTERNAL_KEY_STORE.");
    }
  }

  /** Custom key stores hold symmetric encryption keys only, and no multi-Region keys (API reference). */
  private static void requireCustomKeyStoreKey(KeySpec spec, KeyUsage usage, Boolean multiRegion) {
    if (spec != KeySpec.SYMMETRIC_DEFAULT || usage != KeyUsage.ENCRYPT_DECRYPT) {
      // unconfirmed: AWS's text.
      throw new KmsUnsupportedOperationException("KeySpec " + spec + " is not supported in a custom key store.");
    }
    if (Boolean.TRUE.equals(multiRegion)) {
      // unconfirmed: AWS's text.
      throw new KmsUnsupportedOperationException("Multi-Region keys are not supported in a custom key store.");
    }
  }

  /** The caller's store, of the origin's type, and connected (CustomKeyStoreInvalidStateException otherwise). */
  private CustomKeyStore connectedStore(String customKeyStoreId, Origin origin, CallContext context) {
    CustomKeyStore store = stores.find(scope(context), customKeyStoreId);
    CustomKeyStoreType wanted = origin == Origin.EXTERNAL_KEY_STORE ? CustomKeyStoreType.EXTERNAL_KEY_STORE
        : CustomKeyStoreType.AWS_CLOUDHSM;
    if (store.type() != wanted) {
      // unconfirmed: AWS's text.
      throw new ValidationException("Origin " + origin + " is not valid for custom key store " + store.id()
          + " of type " + store.type() + ".");
    }
    if (store.connectionState() != ConnectionState.CONNECTED) {
      throw store.external() ? CustomKeyStoreInvalidStateException.xksNotConnected()
          : CustomKeyStoreInvalidStateException.cloudHsmNotConnected(store.id(), store.connectionState().name());
    }
    return store;
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return Tags.validated(tags == null ? List.of()
        : tags.stream().map(t -> new trent.domain.tag.Tag(t.tagKey(), t.tagValue())).toList());
  }
}
