package trent.ops.keys;

import java.time.Instant;
import java.util.List;
import trent.domain.key.KeyState;
import trent.domain.key.KmsKey;

/**
 * The KeyMetadata structure, with the members AWS returns for a key of this kind; absent members
 * are null. Member order follows the model.
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
    String keyManager,
    String customerMasterKeySpec,
    String keySpec,
    List<String> encryptionAlgorithms,
    Boolean multiRegion,
    Integer pendingDeletionWindowInDays,
    String currentKeyMaterialId) {

  public static KeyMetadata of(KmsKey key) {
    List<String> encryption = key.spec().encryptionAlgorithms(key.usage());
    return new KeyMetadata(
        key.account(),
        key.keyId(),
        key.arn(),
        key.creationDate(),
        key.state() == KeyState.Enabled,
        key.description(),
        key.usage().name(),
        key.state().name(),
        key.deletionDate().orElse(null),
        key.origin().name(),
        "CUSTOMER",
        key.spec().customerMasterKeySpec(),
        key.spec().name(),
        encryption.isEmpty() ? null : encryption,
        key.record().multiRegion(),
        key.pendingWindowInDays().orElse(null),
        key.currentMaterialId().orElse(null));
  }
}
