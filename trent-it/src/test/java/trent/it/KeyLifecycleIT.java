package trent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/** The key lifecycle through the real AWS SDK for Java v2, against a server in this JVM. */
class KeyLifecycleIT {

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

  @Test
  void createKeyReturnsTheFullMetadataOfASymmetricKey() {
    CreateKeyResponse created = kms.createKey(r -> r.description("test key 123"));
    KeyMetadata m = created.keyMetadata();
    assertThat(m.keyId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(m.awsAccountId()).isEqualTo(RunningTrent.ACCOUNT);
    assertThat(m.arn()).isEqualTo(arn(m.keyId()));
    assertThat(m.description()).isEqualTo("test key 123");
    assertThat(m.enabled()).isTrue();
    assertThat(m.keyState()).isEqualTo(KeyState.ENABLED);
    assertThat(m.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
    assertThat(m.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
    assertThat(m.customerMasterKeySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
    assertThat(m.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
    assertThat(m.keyManagerAsString()).isEqualTo("CUSTOMER");
    assertThat(m.originAsString()).isEqualTo("AWS_KMS");
    assertThat(m.multiRegion()).isFalse();
    assertThat(m.currentKeyMaterialId()).matches("[0-9a-f]{64}");
    assertThat(m.creationDate()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(m.deletionDate()).isNull();
    assertThat(m.signingAlgorithms()).isEmpty();

    KeyMetadata described = kms.describeKey(r -> r.keyId(m.keyId())).keyMetadata();
    assertThat(described).isEqualTo(m);
    assertThat(kms.describeKey(r -> r.keyId(m.arn())).keyMetadata()).isEqualTo(m);
  }

  @Test
  void describeKeyNamesTheMissingKeyAsAwsDoes() {
    String id = "0f0e0d0c-0b0a-4908-8706-050403020100";
    assertThatThrownBy(() -> kms.describeKey(r -> r.keyId(id)))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorMessage())
            .isEqualTo("Key '" + arn(id) + "' does not exist"));
    assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("fake-key-id")))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorMessage())
            .isEqualTo("Invalid keyId 'fake-key-id'"));
    assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("alias/none")))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorMessage())
            .isEqualTo("Alias arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":alias/none is not found."));
  }

  @Test
  void keysAreVisibleOnlyInTheirRegion() {
    String keyId = kms.createKey(r -> r.description("regional")).keyMetadata().keyId();
    try (KmsClient other = trent.client(Region.AP_SOUTHEAST_1)) {
      assertThatThrownBy(() -> other.describeKey(r -> r.keyId(keyId)))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("Key 'arn:aws:kms:ap-southeast-1:" + RunningTrent.ACCOUNT + ":key/" + keyId + "' does not exist");
      assertThatThrownBy(() -> other.describeKey(r -> r.keyId(arn(keyId))))
          .isInstanceOf(NotFoundException.class)
          .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorMessage()).isEqualTo("Invalid arn us-east-1"));
      assertThat(other.listKeys(r -> r.limit(1000)).keys()).extracting(KeyListEntry::keyId).doesNotContain(keyId);
    }
  }

  @Test
  void disableEnableAndDescriptionFollowTheKeyStates() {
    String keyId = kms.createKey(r -> r.description("first")).keyMetadata().keyId();
    kms.disableKey(r -> r.keyId(keyId));
    KeyMetadata disabled = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
    assertThat(disabled.keyState()).isEqualTo(KeyState.DISABLED);
    assertThat(disabled.enabled()).isFalse();
    kms.disableKey(r -> r.keyId(keyId));
    kms.enableKey(r -> r.keyId(arn(keyId)));
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
    kms.updateKeyDescription(r -> r.keyId(keyId).description("second"));
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().description()).isEqualTo("second");
  }

  @Test
  void scheduleAndCancelDeletion() {
    String keyId = kms.createKey(r -> r.description("doomed")).keyMetadata().keyId();
    Instant now = clock.instant();
    ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
    assertThat(scheduled.keyId()).isEqualTo(arn(keyId));
    assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
    assertThat(scheduled.pendingWindowInDays()).isEqualTo(7);
    assertThat(scheduled.deletionDate()).isEqualTo(now.plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

    KeyMetadata pending = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
    assertThat(pending.keyState()).isEqualTo(KeyState.PENDING_DELETION);
    assertThat(pending.deletionDate()).isEqualTo(scheduled.deletionDate());
    assertThat(pending.pendingDeletionWindowInDays()).isEqualTo(7);
    assertThat(pending.enabled()).isFalse();

    String expected = arn(keyId) + " is pending deletion.";
    assertInvalidState(() -> kms.enableKey(r -> r.keyId(keyId)), expected);
    assertInvalidState(() -> kms.disableKey(r -> r.keyId(keyId)), expected);
    assertInvalidState(() -> kms.updateKeyDescription(r -> r.keyId(keyId).description("x")), expected);
    assertInvalidState(() -> kms.scheduleKeyDeletion(r -> r.keyId(keyId)), expected);
    assertInvalidState(() -> kms.createAlias(r -> r.aliasName("alias/doomed").targetKeyId(keyId)), expected);

    assertThat(kms.cancelKeyDeletion(r -> r.keyId(keyId)).keyId()).isEqualTo(arn(keyId));
    KeyMetadata back = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
    assertThat(back.keyState()).isEqualTo(KeyState.DISABLED);
    assertThat(back.deletionDate()).isNull();
    assertThat(back.pendingDeletionWindowInDays()).isNull();
    assertInvalidState(() -> kms.cancelKeyDeletion(r -> r.keyId(keyId)), arn(keyId) + " is not pending deletion.");
  }

  @Test
  void scheduleKeyDeletionDefaultsToThirtyDays() {
    String keyId = kms.createKey(r -> r.description("default window")).keyMetadata().keyId();
    assertThat(kms.scheduleKeyDeletion(r -> r.keyId(keyId)).pendingWindowInDays()).isEqualTo(30);
  }

  @Test
  void keysAreDeletedWhenTheirWaitingPeriodEnds() {
    String doomed = kms.createKey(r -> r.description("doomed")).keyMetadata().keyId();
    String kept = kms.createKey(r -> r.description("kept")).keyMetadata().keyId();
    kms.createAlias(r -> r.aliasName("alias/doomed-" + doomed).targetKeyId(doomed));
    kms.scheduleKeyDeletion(r -> r.keyId(doomed).pendingWindowInDays(7));
    kms.scheduleKeyDeletion(r -> r.keyId(kept).pendingWindowInDays(30));

    clock.advance(Duration.ofDays(7).minusSeconds(1));
    trent.server().deleteDueKeysNow();
    assertThat(kms.describeKey(r -> r.keyId(doomed)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_DELETION);

    clock.advance(Duration.ofSeconds(1));
    trent.server().deleteDueKeysNow();
    assertThatThrownBy(() -> kms.describeKey(r -> r.keyId(doomed))).isInstanceOf(NotFoundException.class);
    assertThat(kms.describeKey(r -> r.keyId(kept)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_DELETION);
    assertThat(kms.listAliases(r -> r.limit(100)).aliases()).noneMatch(a -> a.aliasName().equals("alias/doomed-" + doomed));
  }

  @Test
  void listKeysPagesThroughEveryKeyOnce() {
    try (RunningTrent fresh = RunningTrent.developmentMode(); KmsClient client = fresh.client()) {
      List<String> created = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        created.add(client.createKey(r -> r.description("k")).keyMetadata().keyId());
      }
      List<String> seen = new ArrayList<>();
      String marker = null;
      int pages = 0;
      do {
        String m = marker;
        ListKeysResponse page = client.listKeys(r -> r.limit(3).marker(m));
        page.keys().forEach(k -> assertThat(k.keyArn()).isEqualTo(arn(k.keyId())));
        page.keys().forEach(k -> seen.add(k.keyId()));
        assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
        marker = page.nextMarker();
        pages++;
      } while (marker != null);
      assertThat(pages).isEqualTo(3);
      assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
      assertThat(client.listKeysPaginator(r -> r.limit(2)).keys().stream().count()).isEqualTo(7);
      assertThatThrownBy(() -> client.listKeys(r -> r.marker("not-a-marker")))
          .isInstanceOf(software.amazon.awssdk.services.kms.model.InvalidMarkerException.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void keyUsageIsRequiredForEveryNonSymmetricSpec() {
    assertThatThrownBy(() -> kms.createKey(r -> r.keySpec(KeySpec.HMAC_256)))
        .isInstanceOf(software.amazon.awssdk.services.kms.model.KmsException.class)
        .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorMessage())
            .isEqualTo("You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys."));
  }

  private static void assertInvalidState(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOf(KmsInvalidStateException.class)
        .satisfies(e -> {
          KmsException k = (KmsException) e;
          assertThat(k.awsErrorDetails().errorMessage()).isEqualTo(message);
          assertThat(k.statusCode()).isEqualTo(400);
        });
  }
}
