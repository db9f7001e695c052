package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MultiRegionKey;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;
import software.amazon.awssdk.services.kms.model.ReplicateKeyResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Multi-Region keys through the real SDK: two clients, one configured for us-east-1 and one for
 * us-west-2, against the same server, so every request's Region is its signature's. Texts marked
 * "not recorded" in MultiRegionErrors are Trent's; the others are AWS's.
 */
class MultiRegionKeyIT {

  static final String EAST = "us-east-1";
  static final String WEST = "us-west-2";

  static MutableClock clock = MutableClock.startingNow();
  static RunningTrent trent;
  static KmsClient east;
  static KmsClient west;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode(clock);
    east = trent.client(Region.US_EAST_1);
    west = trent.client(Region.US_WEST_2);
  }

  @AfterAll
  static void stop() throws Exception {
    east.close();
    west.close();
    trent.close();
  }

  static String arn(String region, String keyId) {
    return "arn:aws:kms:" + region + ":" + RunningTrent.ACCOUNT + ":key/" + keyId;
  }

  static String newPrimary() {
    return east.createKey(r -> r.multiRegion(true).description("primary")).keyMetadata().keyId();
  }

  static ReplicateKeyResponse replicateWest(String keyId) {
    return east.replicateKey(r -> r.keyId(keyId).replicaRegion(WEST).description("replica"));
  }

  static KeyMetadata describe(KmsClient kms, String keyId) {
    return kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
  }

  @Test
  void aMultiRegionKeyIsAPrimaryWithAnMrkId() {
    KeyMetadata created = east.createKey(r -> r.multiRegion(true)).keyMetadata();

    assertThat(created.keyId()).matches("mrk-[0-9a-f]{32}");
    assertThat(created.multiRegion()).isTrue();
    assertThat(created.arn()).isEqualTo(arn(EAST, created.keyId()));
    assertThat(created.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.PRIMARY);
    assertThat(created.multiRegionConfiguration().primaryKey())
        .isEqualTo(MultiRegionKey.builder().arn(created.arn()).region(EAST).build());
    assertThat(created.multiRegionConfiguration().replicaKeys()).isEmpty();
    KeyMetadata single = east.createKey(r -> r.description("single")).keyMetadata();
    assertThat(single.multiRegion()).isFalse();
    assertThat(single.multiRegionConfiguration()).isNull();
  }

  @Test
  void asymmetricHmacAndImportedKeysMayBeMultiRegion() {
    for (KeySpec spec : List.of(KeySpec.RSA_2048, KeySpec.ECC_NIST_P256)) {
      KeyMetadata k = east.createKey(r -> r.multiRegion(true).keySpec(spec).keyUsage(KeyUsageType.SIGN_VERIFY))
          .keyMetadata();
      assertThat(k.keyId()).startsWith("mrk-");
    }
    KeyMetadata hmac = east.createKey(r -> r.multiRegion(true).keySpec(KeySpec.HMAC_256)
        .keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)).keyMetadata();
    assertThat(hmac.multiRegion()).isTrue();
    KeyMetadata imported = east.createKey(r -> r.multiRegion(true).origin("EXTERNAL")).keyMetadata();
    assertThat(imported.keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    assertThat(imported.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.PRIMARY);
  }

  @Test
  void aReplicaHasTheKeyIdInItsRegionAndEachCopyDescribesTheOther() {
    String keyId = newPrimary();
    ReplicateKeyResponse replicated = east.replicateKey(r -> r.keyId(arn(EAST, keyId)).replicaRegion(WEST)
        .description("replica").tags(Tag.builder().tagKey("team").tagValue("west").build()));

    KeyMetadata replica = replicated.replicaKeyMetadata();
    assertThat(replica.keyId()).isEqualTo(keyId);
    assertThat(replica.arn()).isEqualTo(arn(WEST, keyId));
    assertThat(replica.description()).isEqualTo("replica");
    assertThat(replica.keyState()).isEqualTo(KeyState.ENABLED);
    assertThat(replica.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.REPLICA);
    assertThat(replica.multiRegionConfiguration().primaryKey().arn()).isEqualTo(arn(EAST, keyId));
    // A replica lists itself among the replicas (recorded: LocalStack snapshot test_replicate_key).
    assertThat(replica.multiRegionConfiguration().replicaKeys())
        .containsExactly(MultiRegionKey.builder().arn(arn(WEST, keyId)).region(WEST).build());
    assertThat(replicated.replicaTags()).containsExactly(Tag.builder().tagKey("team").tagValue("west").build());
    assertThat(replicated.replicaPolicy()).contains("arn:aws:iam::" + RunningTrent.ACCOUNT + ":root");

    KeyMetadata primary = describe(east, keyId);
    assertThat(primary.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.PRIMARY);
    assertThat(primary.multiRegionConfiguration().replicaKeys())
        .containsExactly(MultiRegionKey.builder().arn(arn(WEST, keyId)).region(WEST).build());
    assertThat(primary.description()).isEqualTo("primary");
    assertThat(describe(west, keyId).multiRegionConfiguration()).isEqualTo(replica.multiRegionConfiguration());
    assertThat(east.listResourceTags(r -> r.keyId(keyId)).tags()).isEmpty();
    assertThat(west.listResourceTags(r -> r.keyId(keyId)).tags()).hasSize(1);
    assertThat(west.listKeys().keys()).anyMatch(k -> k.keyArn().equals(arn(WEST, keyId)));
  }

  @Test
  void aCiphertextFromOneCopyDecryptsWithTheOther() {
    String keyId = newPrimary();
    replicateWest(keyId);

    SdkBytes fromEast = east.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("east"))).ciphertextBlob();
    SdkBytes fromWest = west.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("west"))).ciphertextBlob();

    assertThat(west.decrypt(r -> r.ciphertextBlob(fromEast)).plaintext().asUtf8String()).isEqualTo("east");
    assertThat(west.decrypt(r -> r.ciphertextBlob(fromEast).keyId(keyId)).keyId()).isEqualTo(arn(WEST, keyId));
    assertThat(east.decrypt(r -> r.ciphertextBlob(fromWest)).plaintext().asUtf8String()).isEqualTo("west");
  }

  @Test
  void aSignatureOrMacFromOneCopyVerifiesWithTheOther() {
    String signing = east.createKey(r -> r.multiRegion(true).keySpec(KeySpec.ECC_NIST_P256)
        .keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata().keyId();
    replicateWest(signing);
    SdkBytes message = SdkBytes.fromUtf8String("release 1.0");
    SdkBytes signature = east.sign(r -> r.keyId(signing).message(message)
        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();
    assertThat(west.verify(r -> r.keyId(signing).message(message).signature(signature)
        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signatureValid()).isTrue();
    assertThat(west.getPublicKey(r -> r.keyId(signing)).publicKey())
        .isEqualTo(east.getPublicKey(r -> r.keyId(signing)).publicKey());

    String mac = east.createKey(r -> r.multiRegion(true).keySpec(KeySpec.HMAC_256)
        .keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)).keyMetadata().keyId();
    replicateWest(mac);
    SdkBytes tag = west.generateMac(r -> r.keyId(mac).message(message).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256))
        .mac();
    assertThat(east.verifyMac(r -> r.keyId(mac).message(message).mac(tag)
        .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).macValid()).isTrue();
  }

  @Test
  void eachCopyHasItsOwnStateDescriptionAndAliases() {
    String keyId = newPrimary();
    replicateWest(keyId);
    west.createAlias(r -> r.aliasName("alias/mrk-west-" + keyId.substring(4, 12)).targetKeyId(keyId));

    west.disableKey(r -> r.keyId(keyId));
    west.updateKeyDescription(r -> r.keyId(keyId).description("west only"));

    assertThat(describe(west, keyId).keyState()).isEqualTo(KeyState.DISABLED);
    assertThat(describe(east, keyId).keyState()).isEqualTo(KeyState.ENABLED);
    assertThat(describe(east, keyId).description()).isEqualTo("primary");
    assertThat(east.listAliases(r -> r.keyId(keyId)).aliases()).isEmpty();
    assertThat(west.listAliases(r -> r.keyId(keyId)).aliases()).hasSize(1);
    Errors.expect(() -> west.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))),
        "DisabledException", arn(WEST, keyId) + " is disabled.");
  }

  @Test
  void updatePrimaryRegionSwapsPrimaryAndReplica() {
    String keyId = newPrimary();
    replicateWest(keyId);

    east.updatePrimaryRegion(r -> r.keyId(keyId).primaryRegion(WEST));

    KeyMetadata nowWest = describe(west, keyId);
    KeyMetadata nowEast = describe(east, keyId);
    assertThat(nowWest.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.PRIMARY);
    assertThat(nowWest.multiRegionConfiguration().replicaKeys())
        .containsExactly(MultiRegionKey.builder().arn(arn(EAST, keyId)).region(EAST).build());
    assertThat(nowEast.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.REPLICA);
    assertThat(nowEast.multiRegionConfiguration().primaryKey().region()).isEqualTo(WEST);
    Errors.expect(() -> east.replicateKey(r -> r.keyId(keyId).replicaRegion("eu-west-1")),
        "UnsupportedOperationException", arn(EAST, keyId) + " is not a multi-region primary key.");
    ReplicateKeyResponse third = west.replicateKey(r -> r.keyId(keyId).replicaRegion("eu-west-1"));
    assertThat(third.replicaKeyMetadata().multiRegionConfiguration().primaryKey().region()).isEqualTo(WEST);
  }

  @Test
  void rotatingThePrimaryRotatesEveryReplica() {
    String keyId = newPrimary();
    replicateWest(keyId);
    SdkBytes before = east.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("old"))).ciphertextBlob();
    String first = describe(west, keyId).currentKeyMaterialId();

    Errors.expect(() -> west.enableKeyRotation(r -> r.keyId(keyId)), "UnsupportedOperationException",
        arn(WEST, keyId) + " is not a multi-region primary key.");
    Errors.expect(() -> west.rotateKeyOnDemand(r -> r.keyId(keyId)), "UnsupportedOperationException",
        arn(WEST, keyId) + " is not a multi-region primary key.");
    east.rotateKeyOnDemand(r -> r.keyId(keyId));

    String second = describe(west, keyId).currentKeyMaterialId();
    assertThat(second).isNotEqualTo(first).isEqualTo(describe(east, keyId).currentKeyMaterialId());
    assertThat(west.listKeyRotations(r -> r.keyId(keyId)).rotations()).hasSize(1);
    SdkBytes after = west.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("new"))).ciphertextBlob();
    assertThat(east.decrypt(r -> r.ciphertextBlob(after)).plaintext().asUtf8String()).isEqualTo("new");
    assertThat(west.decrypt(r -> r.ciphertextBlob(before)).plaintext().asUtf8String()).isEqualTo("old");

    east.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(90));
    assertThat(west.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()).isTrue();
    clock.advance(Duration.ofDays(91));
    trent.server().rotateDueKeysNow();
    String third = describe(west, keyId).currentKeyMaterialId();
    assertThat(third).isNotEqualTo(second).isEqualTo(describe(east, keyId).currentKeyMaterialId());
  }

  @Test
  void aPrimaryWithReplicasWaitsForThemToBeDeleted() {
    String keyId = newPrimary();
    replicateWest(keyId);

    var scheduled = east.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
    assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_REPLICA_DELETION);
    assertThat(scheduled.deletionDate()).isNull();
    assertThat(describe(east, keyId).keyState()).isEqualTo(KeyState.PENDING_REPLICA_DELETION);
    Errors.expect(() -> east.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))),
        "KMSInvalidStateException", arn(EAST, keyId) + " is pending replica deletion.");

    west.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
    clock.advance(Duration.ofDays(7).plusSeconds(1));
    trent.server().deleteDueKeysNow();

    Errors.expect(() -> describe(west, keyId), "NotFoundException",
        "Key '" + arn(WEST, keyId) + "' does not exist");
    KeyMetadata waiting = describe(east, keyId);
    assertThat(waiting.keyState()).isEqualTo(KeyState.PENDING_DELETION);
    assertThat(waiting.deletionDate()).isAfter(clock.instant().plus(Duration.ofDays(6)));
    assertThat(waiting.multiRegionConfiguration().replicaKeys()).isEmpty();
    clock.advance(Duration.ofDays(7).plusSeconds(1));
    trent.server().deleteDueKeysNow();
    Errors.expect(() -> describe(east, keyId), "NotFoundException",
        "Key '" + arn(EAST, keyId) + "' does not exist");
  }

  @Test
  void aPrimaryWaitingForItsReplicasCanBeCancelled() {
    String keyId = newPrimary();
    replicateWest(keyId);
    east.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));

    east.cancelKeyDeletion(r -> r.keyId(keyId));

    assertThat(describe(east, keyId).keyState()).isEqualTo(KeyState.DISABLED);
    assertThat(describe(west, keyId).keyState()).isEqualTo(KeyState.ENABLED);
  }

  @Test
  void replicateKeyRefusesWhatAwsRefuses() {
    String single = east.createKey(r -> r.description("single")).keyMetadata().keyId();
    Errors.expect(() -> east.replicateKey(r -> r.keyId(single).replicaRegion(WEST)),
        "UnsupportedOperationException", arn(EAST, single) + " is not a multi-region key.");

    String keyId = newPrimary();
    replicateWest(keyId);
    Errors.expect(() -> replicateWest(keyId), "AlreadyExistsException",
        "Key '" + arn(WEST, keyId) + "' already exists.");
    Errors.expect(() -> east.replicateKey(r -> r.keyId(keyId).replicaRegion(EAST)), "AlreadyExistsException",
        "Key '" + arn(EAST, keyId) + "' already exists.");
    Errors.expect(() -> west.replicateKey(r -> r.keyId(keyId).replicaRegion("eu-west-1")),
        "UnsupportedOperationException", arn(WEST, keyId) + " is not a multi-region primary key.");
    Errors.expect(() -> east.replicateKey(r -> r.keyId(keyId).replicaRegion("not_a_region")), "ValidationException",
        "1 validation error detected: Value 'not_a_region' at 'replicaRegion' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: ^([a-z]+-){2,3}\\d+$");
    Errors.expect(() -> east.replicateKey(r -> r.keyId(keyId).replicaRegion("eu-central-1")
        .tags(Tag.builder().tagKey("aws:team").tagValue("x").build())), "TagException",
        "Tags beginning with aws: are reserved");
    Errors.expect(() -> east.replicateKey(r -> r.keyId("mrk-00000000000000000000000000000000")
        .replicaRegion("eu-central-1")), "NotFoundException",
        "Key '" + arn(EAST, "mrk-00000000000000000000000000000000") + "' does not exist");

    east.disableKey(r -> r.keyId(keyId));
    Errors.expect(() -> east.replicateKey(r -> r.keyId(keyId).replicaRegion("eu-central-1")), "DisabledException",
        arn(EAST, keyId) + " is disabled.");
    east.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
    Errors.expect(() -> east.replicateKey(r -> r.keyId(keyId).replicaRegion("eu-central-1")),
        "KMSInvalidStateException", arn(EAST, keyId) + " is pending replica deletion.");
  }

  @Test
  void updatePrimaryRegionRefusesWhatAwsRefuses() {
    String single = east.createKey(r -> r.description("single")).keyMetadata().keyId();
    Errors.expect(() -> east.updatePrimaryRegion(r -> r.keyId(single).primaryRegion(WEST)),
        "UnsupportedOperationException", arn(EAST, single) + " is not a multi-region key.");

    String keyId = newPrimary();
    Errors.expect(() -> east.updatePrimaryRegion(r -> r.keyId(keyId).primaryRegion(WEST)),
        "UnsupportedOperationException", arn(EAST, keyId) + " has no replica in Region " + WEST + ".");
    Errors.expect(() -> east.updatePrimaryRegion(r -> r.keyId(keyId).primaryRegion(EAST)),
        "UnsupportedOperationException", arn(EAST, keyId) + " is already in Region " + EAST + ".");
    replicateWest(keyId);
    Errors.expect(() -> west.updatePrimaryRegion(r -> r.keyId(keyId).primaryRegion(EAST)),
        "UnsupportedOperationException", arn(WEST, keyId) + " is not a multi-region primary key.");
    west.disableKey(r -> r.keyId(keyId));
    Errors.expect(() -> east.updatePrimaryRegion(r -> r.keyId(keyId).primaryRegion(WEST)),
        "DisabledException", arn(WEST, keyId) + " is disabled.");
  }

  @Test
  void importedMaterialKeysAreNotReplicatedYet() {
    String keyId = east.createKey(r -> r.multiRegion(true).origin("EXTERNAL")).keyMetadata().keyId();
    Errors.expect(() -> east.replicateKey(r -> r.keyId(keyId).replicaRegion(WEST)), "KMSInvalidStateException",
        arn(EAST, keyId) + " is pending import.");
  }
}
