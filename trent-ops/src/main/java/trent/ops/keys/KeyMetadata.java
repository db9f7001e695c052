package trent.ops.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import trent.domain.key.Imports;
import trent.domain.key.KeyState;
import trent.domain.key.KmsKey;
import trent.storage.ImportedMaterialRecord;

/**
 * The KeyMetadata structure, with the members AWS returns for a key of this kind; absent members
 * are null. Member order follows the model. The algorithm lists depend on spec and usage: an RSA
 * SIGN_VERIFY key has SigningAlgorithms only, an HMAC key MacAlgorithms only (LocalStack snapshots
 * test_hmac_create_key and test_import_key_asymmetric).
 */
public record KeyMetadata(
    String awsAccountId,
    String keyId,
    String arn,
    Instant creationDate,
    boolean enabled,
    String description,
    String keyUsage,
    String keyState,
    Instant deletionDate,
    Instant validTo,
    String origin,
    String customKeyStoreId,
    String expirationModel,
    String keyManager,
    String customerMasterKeySpec,
    String keySpec,
    List<String> encryptionAlgorithms,
    List<String> signingAlgorithms,
    List<String> keyAgreementAlgorithms,
    Boolean multiRegion,
    MultiRegionConfiguration multiRegionConfiguration,
    Integer pendingDeletionWindowInDays,
    List<String> macAlgorithms,
    XksKeyConfiguration xksKeyConfiguration,
    String currentKeyMaterialId) {

  /** MultiRegionKey: one copy of a multi-Region key. */
  public record MultiRegionKey(String arn, String region) {}

  /**
   * MultiRegionConfiguration: whether this copy is the primary or a replica, the primary, and every
   * replica ordered by Region; a replica lists itself among the ReplicaKeys (recorded: LocalStack
   * snapshot test_replicate_key, April 2024).
   */
  public record MultiRegionConfiguration(String multiRegionKeyType, MultiRegionKey primaryKey,
      List<MultiRegionKey> replicaKeys) {

    /** The configuration {@code key} has among {@code copies} (every copy, {@code key} included). */
    static MultiRegionConfiguration of(KmsKey key, List<KmsKey> copies) {
      String primaryRegion = key.primaryRegion().orElseThrow();
      List<MultiRegionKey> replicas = copies.stream().filter(c -> !c.region().equals(primaryRegion))
          .map(c -> new MultiRegionKey(c.arn(), c.region())).toList();
      return new MultiRegionConfiguration(key.isPrimary() ? "PRIMARY" : "REPLICA",
          new MultiRegionKey(key.arnIn(primaryRegion), primaryRegion), replicas);
    }
  }

  /** XksKeyConfigurationType: the external key of a key in an external key store. */
  public record XksKeyConfiguration(String id) {}

  /** The metadata of a key in KMS's own key store, or in a connected custom key store. */
  public static KeyMetadata of(KmsKey key) {
    return of(key, true, Optional.empty(), List.of(key));
  }

  /** The metadata of a copy of a multi-Region key in KMS's own key store, among all its {@code copies}. */
  public static KeyMetadata of(KmsKey key, List<KmsKey> copies) {
    return of(key, true, Optional.empty(), copies);
  }

  /**
   * The metadata of a key. A key in a custom key store that is not connected is {@code Unavailable}
   * (KMS developer guide, "Key states": the state it had comes back when the store connects). A key
   * with imported material has ExpirationModel from its current material's last import, and ValidTo
   * while that material is imported and expires; a key of origin EXTERNAL that never had material
   * has neither (unconfirmed: AWS's members before the first import).
   */
  public static KeyMetadata of(KmsKey key, boolean storeConnected, Optional<ImportedMaterialRecord> current,
      List<KmsKey> copies) {
    boolean unavailable = key.customKeyStoreId().isPresent() && !storeConnected;
    KeyState state = unavailable ? KeyState.Unavailable : key.state();
    List<String> encryption = key.spec().encryptionAlgorithms(key.usage());
    List<String> signing = key.spec().signingAlgorithms(key.usage());
    List<String> keyAgreement = key.spec().keyAgreementAlgorithms(key.usage());
    List<String> mac = key.spec().macAlgorithms(key.usage());
    return new KeyMetadata(
        key.account(),
        key.keyId(),
        key.arn(),
        key.creationDate(),
        state == KeyState.Enabled,
        key.description(),
        key.usage().name(),
        state.name(),
        key.deletionDate().orElse(null),
        current.filter(m -> Imports.IMPORTED.equals(m.importState())).map(ImportedMaterialRecord::validTo).orElse(null),
        key.origin().name(),
        key.customKeyStoreId().orElse(null),
        current.map(ImportedMaterialRecord::expirationModel).orElse(null),
        "CUSTOMER",
        key.spec().customerMasterKeySpec(),
        key.spec().name(),
        orNull(encryption),
        orNull(signing),
        orNull(keyAgreement),
        key.record().multiRegion(),
        key.multiRegion() ? MultiRegionConfiguration.of(key, copies) : null,
        key.pendingWindowInDays().orElse(null),
        orNull(mac),
        key.xksKeyId().map(XksKeyConfiguration::new).orElse(null),
        key.currentMaterialId().orElse(null));
  }

  /** AWS omits an algorithm list a key does not have (LocalStack snapshots: no empty lists). */
  private static List<String> orNull(List<String> list) {
    return list.isEmpty() ? null : list;
  }
}
