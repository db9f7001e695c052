package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

/**
 * Key rotation through the real SDK: automatic rotation on a clock the test moves, on-demand
 * rotation, the history, and old ciphertext still decrypting. Texts marked "recorded" were
 * observed from AWS (LocalStack snapshot test_kms.snapshot.json, March and April 2025).
 */
class RotationIT {

  static MutableClock clock = MutableClock.startingNow();
  static RunningTrent trent;
  static KmsClient kms;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode(clock);
    kms = trent.client();
  }

  @AfterAll
  static void stop() throws Exception {
    kms.close();
    trent.close();
  }

  static String arn(String keyId) {
    return "arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":key/" + keyId;
  }

  static Instant millis(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS);
  }

  String newKey() {
    return kms.createKey(r -> r.description("rotating")).keyMetadata().keyId();
  }

  SdkBytes encrypt(String keyId, String text) {
    return kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String(text))).ciphertextBlob();
  }

  String decrypt(SdkBytes blob) {
    return kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String();
  }

  @Test
  void rotationIsOffUntilEnabledAndReportsItsSchedule() {
    String keyId = newKey();
    GetKeyRotationStatusResponse off = kms.getKeyRotationStatus(r -> r.keyId(keyId));
    assertThat(off.keyRotationEnabled()).isFalse();
    assertThat(off.keyId()).isEqualTo(keyId);
    assertThat(off.rotationPeriodInDays()).isNull();
    assertThat(off.nextRotationDate()).isNull();
    assertThat(off.onDemandRotationStartDate()).isNull();

    Instant now = clock.instant();
    kms.enableKeyRotation(r -> r.keyId(keyId));
    GetKeyRotationStatusResponse on = kms.getKeyRotationStatus(r -> r.keyId(arn(keyId)));
    assertThat(on.keyRotationEnabled()).isTrue();
    assertThat(on.rotationPeriodInDays()).isEqualTo(365);
    assertThat(on.nextRotationDate()).isEqualTo(millis(now.plus(Duration.ofDays(365))));

    kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(90));
    assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).nextRotationDate())
        .isEqualTo(millis(now.plus(Duration.ofDays(90))));

    kms.disableKeyRotation(r -> r.keyId(keyId));
    assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()).isFalse();
  }

  @Test
  void rotationPeriodOutsideTheModelsRangeIsAValidationError() {
    String keyId = newKey();
    Errors.expect(() -> kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(89)), "ValidationException",
        "1 validation error detected: Value '89' at 'rotationPeriodInDays' failed to satisfy constraint:"
            + " Member must have value greater than or equal to 90");
    Errors.expect(() -> kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(2561)), "ValidationException",
        "1 validation error detected: Value '2561' at 'rotationPeriodInDays' failed to satisfy constraint:"
            + " Member must have value less than or equal to 2560");
  }

  @Test
  void onDemandRotationMakesNewMaterialCurrentAndOldCiphertextStillDecrypts() {
    String keyId = newKey();
    String first = kms.describeKey(r -> r.keyId(keyId)).keyMetadata().currentKeyMaterialId();
    SdkBytes before = encrypt(keyId, "before");

    assertThat(kms.rotateKeyOnDemand(r -> r.keyId(arn(keyId))).keyId()).isEqualTo(keyId);
    String second = kms.describeKey(r -> r.keyId(keyId)).keyMetadata().currentKeyMaterialId();
    assertThat(second).isNotEqualTo(first).matches("[0-9a-f]{64}");
    SdkBytes after = encrypt(keyId, "after");

    assertThat(decrypt(before)).isEqualTo("before");
    assertThat(decrypt(after)).isEqualTo("after");
    assertThat(kms.decrypt(r -> r.ciphertextBlob(before)).keyMaterialId()).isEqualTo(first);
    assertThat(kms.decrypt(r -> r.ciphertextBlob(after)).keyMaterialId()).isEqualTo(second);
    assertThat(kms.reEncrypt(r -> r.ciphertextBlob(before).destinationKeyId(keyId)).ciphertextBlob())
        .satisfies(blob -> assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).keyMaterialId()).isEqualTo(second));

    // Recorded: on-demand rotation leaves automatic rotation off.
    assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()).isFalse();
    ListKeyRotationsResponse rotations = kms.listKeyRotations(r -> r.keyId(keyId));
    assertThat(rotations.rotations()).hasSize(1);
    RotationsListEntry entry = rotations.rotations().get(0);
    assertThat(entry.keyId()).isEqualTo(keyId);
    assertThat(entry.keyMaterialId()).isEqualTo(second);
    assertThat(entry.rotationType()).isEqualTo(RotationType.ON_DEMAND);
    assertThat(entry.rotationDate()).isEqualTo(millis(clock.instant()));
    assertThat(entry.keyMaterialStateAsString()).isEqualTo("CURRENT");
    assertThat(entry.importState()).isNull();
    assertThat(entry.expirationModel()).isNull();
    assertThat(rotations.truncated()).isFalse();

    List<RotationsListEntry> all = kms.listKeyRotations(r -> r.keyId(keyId)
        .includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL)).rotations();
    assertThat(all).extracting(RotationsListEntry::keyMaterialId).containsExactly(first, second);
    assertThat(all.get(0).rotationType()).isNull();
    assertThat(all.get(0).rotationDate()).isNull();
    assertThat(all.get(0).keyMaterialStateAsString()).isEqualTo("NON_CURRENT");
  }

  @Test
  void automaticRotationRunsOnTheClockAndKeepsItsCadence() {
    String keyId = newKey();
    Instant enabledAt = clock.instant();
    kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(90));
    SdkBytes original = encrypt(keyId, "original");

    clock.advance(Duration.ofDays(90).minusSeconds(1));
    trent.server().rotateDueKeysNow();
    assertThat(kms.listKeyRotations(r -> r.keyId(keyId)).rotations()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    trent.server().rotateDueKeysNow();
    List<RotationsListEntry> rotations = kms.listKeyRotations(r -> r.keyId(keyId)).rotations();
    assertThat(rotations).hasSize(1);
    assertThat(rotations.get(0).rotationType()).isEqualTo(RotationType.AUTOMATIC);
    assertThat(rotations.get(0).rotationDate()).isEqualTo(millis(enabledAt.plus(Duration.ofDays(90))));
    assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).nextRotationDate())
        .isEqualTo(millis(enabledAt.plus(Duration.ofDays(180))));
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().currentKeyMaterialId())
        .isEqualTo(rotations.get(0).keyMaterialId());
    assertThat(decrypt(original)).isEqualTo("original");

    trent.server().rotateDueKeysNow();
    assertThat(kms.listKeyRotations(r -> r.keyId(keyId)).rotations()).hasSize(1);
  }

  @Test
  void aDisabledKeyIsNotRotatedUntilEnabledAgain() {
    String keyId = newKey();
    kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(90));
    kms.disableKey(r -> r.keyId(keyId));
    clock.advance(Duration.ofDays(91));
    trent.server().rotateDueKeysNow();
    assertThat(kms.listKeyRotations(r -> r.keyId(keyId)).rotations()).isEmpty();
    assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()).isTrue();

    kms.enableKey(r -> r.keyId(keyId));
    trent.server().rotateDueKeysNow();
    assertThat(kms.listKeyRotations(r -> r.keyId(keyId)).rotations()).hasSize(1);
  }

  @Test
  void aKeyPendingDeletionReportsRotationOffAndIsNotRotated() {
    String keyId = newKey();
    kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(90));
    kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(30));
    assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()).isFalse();
    String expected = arn(keyId) + " is pending deletion.";
    Errors.expect(() -> kms.enableKeyRotation(r -> r.keyId(keyId)), "KMSInvalidStateException", expected);
    Errors.expect(() -> kms.disableKeyRotation(r -> r.keyId(keyId)), "KMSInvalidStateException", expected);
    Errors.expect(() -> kms.rotateKeyOnDemand(r -> r.keyId(keyId)), "KMSInvalidStateException", expected);
    kms.cancelKeyDeletion(r -> r.keyId(keyId));
    kms.enableKey(r -> r.keyId(keyId));
    assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()).isTrue();
  }

  @Test
  void aDisabledKeyCannotChangeItsRotation() {
    String keyId = newKey();
    kms.disableKey(r -> r.keyId(keyId));
    // Recorded for RotateKeyOnDemand; the same state rule for Enable/DisableKeyRotation (their modeled errors).
    String expected = arn(keyId) + " is disabled.";
    Errors.expect(() -> kms.rotateKeyOnDemand(r -> r.keyId(keyId)), "DisabledException", expected);
    Errors.expect(() -> kms.enableKeyRotation(r -> r.keyId(keyId)), "DisabledException", expected);
    Errors.expect(() -> kms.disableKeyRotation(r -> r.keyId(keyId)), "DisabledException", expected);
    assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()).isFalse();
  }

  @Test
  void onDemandRotationsAreLimitedToTwentyFivePerKey() {
    String keyId = newKey();
    for (int i = 0; i < 25; i++) {
      kms.rotateKeyOnDemand(r -> r.keyId(keyId));
    }
    Errors.expect(() -> kms.rotateKeyOnDemand(r -> r.keyId(keyId)), "LimitExceededException",
        "The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be"
            + " performed for this key: " + arn(keyId));

    List<String> seen = new ArrayList<>();
    String marker = null;
    int pages = 0;
    do {
      String m = marker;
      ListKeyRotationsResponse page = kms.listKeyRotations(r -> r.keyId(keyId).limit(10).marker(m));
      assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
      page.rotations().forEach(e -> seen.add(e.keyMaterialId()));
      marker = page.nextMarker();
      pages++;
    } while (marker != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    assertThat(kms.listKeyRotationsPaginator(r -> r.keyId(keyId).includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL)
        .limit(7)).rotations().stream().count()).isEqualTo(26);
    Errors.expect(() -> kms.listKeyRotations(r -> r.keyId(keyId).marker("bogus")), "InvalidMarkerException");
  }

  @Test
  void onDemandRotationConflictsWithAnAutomaticRotationDueWithinTwentyMinutes() {
    String keyId = newKey();
    kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(90));
    clock.advance(Duration.ofDays(90).minusMinutes(19));
    Errors.expect(() -> kms.rotateKeyOnDemand(r -> r.keyId(keyId)), "ConflictException");
    clock.advance(Duration.ofMinutes(19));
    trent.server().rotateDueKeysNow();
    kms.rotateKeyOnDemand(r -> r.keyId(keyId));
    assertThat(kms.listKeyRotations(r -> r.keyId(keyId)).rotations()).extracting(RotationsListEntry::rotationType)
        .containsExactly(RotationType.AUTOMATIC, RotationType.ON_DEMAND);
  }

  @Test
  void onlySymmetricEncryptionKeysRotate() {
    String rsa = kms.createKey(r -> r.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
        .keyMetadata().keyId();
    String hmac = kms.createKey(r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))
        .keyMetadata().keyId();
    for (String keyId : List.of(rsa, hmac)) {
      // Recorded for RotateKeyOnDemand: UnsupportedOperationException with an empty message.
      KmsException e = Errors.expect(() -> kms.rotateKeyOnDemand(r -> r.keyId(keyId)), "UnsupportedOperationException");
      assertThat(e.awsErrorDetails().errorMessage()).isNullOrEmpty();
      Errors.expect(() -> kms.enableKeyRotation(r -> r.keyId(keyId)), "UnsupportedOperationException");
      Errors.expect(() -> kms.disableKeyRotation(r -> r.keyId(keyId)), "UnsupportedOperationException");
      Errors.expect(() -> kms.getKeyRotationStatus(r -> r.keyId(keyId)), "UnsupportedOperationException");
      Errors.expect(() -> kms.listKeyRotations(r -> r.keyId(keyId)), "UnsupportedOperationException");
    }
    // Recorded: a disabled RSA key answers DisabledException, so the state is checked before the type.
    kms.disableKey(r -> r.keyId(rsa));
    Errors.expect(() -> kms.rotateKeyOnDemand(r -> r.keyId(rsa)), "DisabledException", arn(rsa) + " is disabled.");
  }

  @Test
  void rotationOperationsNameMissingKeysAsAws() {
    String missing = "1234abcd-12ab-34cd-56ef-1234567890ab";
    // Recorded for RotateKeyOnDemand.
    String expected = "Key '" + arn(missing) + "' does not exist";
    Errors.expect(() -> kms.rotateKeyOnDemand(r -> r.keyId(missing)), "NotFoundException", expected);
    Errors.expect(() -> kms.enableKeyRotation(r -> r.keyId(missing)), "NotFoundException", expected);
    Errors.expect(() -> kms.disableKeyRotation(r -> r.keyId(missing)), "NotFoundException", expected);
    Errors.expect(() -> kms.getKeyRotationStatus(r -> r.keyId(missing)), "NotFoundException", expected);
    Errors.expect(() -> kms.listKeyRotations(r -> r.keyId(missing)), "NotFoundException", expected);
  }
}
