package trent.ops.keys;

import java.time.Instant;
import java.util.List;
import trent.domain.key.KeyState;
import trent.domain.key.KmsKey;

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
    String origin,
    String customKeyStoreId,
    String keyManager,
    String customerMasterKeySpec,
    String keySpec,
    List<String> encryptionAlgorithms,
    List<String> signingAlgorithms,
    List<String> keyAgreementAlgorithms,
    Boolean multiRegion,
    Integer pendingDeletionWindowInDays,
    List<String> macAlgorithms,
    XksKeyConfiguration xksKeyConfiguration,
    String currentKeyMaterialId) {

  /** XksKeyConfigurationType: the external key of a key in an external key store. */
  public record XksKeyConfiguration(String id) {}

  /** The metadata of a key in KMS's own key store, or in a connected custom key store. */
  public static KeyMetadata of(KmsKey key) {
    return of(key, true);
  }

  /**
   * The metadata of a key; a key in a custom key store that is not connected is {@code Unavailable}
   * (KMS developer guide, "Key states": the state it had comes back when the store connects).
   */
  public static KeyMetadata of(KmsKey key, boolean storeConnected) {
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
        key.origin().name(),
        key.customKeyStoreId().orElse(null),
        "CUSTOMER",
        key.spec().customerMasterKeySpec(),
        key.spec().name(),
        orNull(encryption),
        orNull(signing),
        orNull(keyAgreement),
        key.record().multiRegion(),
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
