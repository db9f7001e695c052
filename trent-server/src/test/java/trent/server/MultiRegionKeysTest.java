package trent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.crypto.CryptoException;
import trent.crypto.SecretBytes;
import trent.crypto.keyring.KeyFileRootOfTrust;
import trent.crypto.keyring.Keyring;
import trent.domain.Scope;
import trent.domain.key.KeyArns;
import trent.domain.key.KeyChangeListener;
import trent.domain.key.KeyMaterials;
import trent.domain.key.KeySpec;
import trent.domain.key.KeyState;
import trent.domain.key.KeyUsage;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.key.MultiRegionKeys;
import trent.domain.key.NewKey;
import trent.domain.key.Origin;
import trent.server.RootRotationTest.MutableClock;
import trent.storage.KeyMaterialRecord;
import trent.storage.Transaction;
import trent.storage.memory.InMemoryStorage;

/**
 * Multi-Region keys in the domain over a real keyring: the material the copies share is bound to
 * the key id and account, not the Region, so it unwraps in every copy and nowhere else; and the
 * deletion of a primary waits for its replicas, on a clock the test moves.
 */
class MultiRegionKeysTest {

  static final Scope EAST = new Scope("111122223333", "us-east-1");
  static final String WEST = "us-west-2";

  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private InMemoryStorage storage;
  private KeyFileRootOfTrust root;
  private Keyring keyring;
  private KeyMaterials materials;
  private Keys keys;
  private MultiRegionKeys multiRegion;

  @BeforeEach
  void open() {
    storage = new InMemoryStorage();
    root = KeyFileRootOfTrust.openOrCreate(dir.resolve("root.key"), random);
    keyring = Keyring.openOrCreate(root, storage, clock, random);
    materials = new KeyMaterials(keyring, random);
    keys = new Keys(storage, materials, clock, KeyChangeListener.NONE);
    multiRegion = keys.multiRegion();
  }

  @AfterEach
  void close() {
    keyring.close();
    root.close();
    storage.close();
  }

  private KmsKey create(boolean multiRegionKey) {
    return keys.create(EAST, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS,
        "{}", Map.of(), multiRegionKey));
  }

  private KmsKey replicate(KmsKey primary, String region) {
    return multiRegion.replicate(EAST, primary.keyId(), region, new MultiRegionKeys.Replica("", "{}", Map.of()),
        k -> { });
  }

  private KeyMaterialRecord material(KmsKey key) {
    List<KeyMaterialRecord> records = storage.read((Transaction tx) -> tx.keyMaterials().list(key.keyId()));
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  @Test
  void theBindingOfAMultiRegionKeyNamesNoRegion() {
    String mrk = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef";
    String single = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    assertThat(KeyArns.materialBinding(mrk)).isEqualTo("arn:aws:kms::111122223333:key/mrk-0123456789abcdef0123456789abcdef");
    assertThat(KeyArns.materialBinding(mrk.replace("us-east-1", "eu-west-1"))).isEqualTo(KeyArns.materialBinding(mrk));
    assertThat(KeyArns.materialBinding(single)).isEqualTo(single);
    assertThatThrownBy(() -> KeyArns.materialBinding("arn:aws:kms:us-east-1:111122223333:alias/mrk-x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyCopyUnwrapsTheSharedMaterialAndNoOtherKeyDoes() {
    KmsKey primary = create(true);
    KmsKey replica = replicate(primary, WEST);
    KeyMaterialRecord shared = material(primary);

    try (SecretBytes inEast = materials.unwrap(primary.arn(), shared);
        SecretBytes inWest = materials.unwrap(replica.arn(), shared)) {
      assertThat(inWest.equalsConstantTime(inEast)).isTrue();
    }
    KmsKey other = create(true);
    assertThatThrownBy(() -> materials.unwrap(other.arn(), shared)).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> materials.unwrap(other.arnIn(WEST), shared)).isInstanceOf(CryptoException.class);
  }

  @Test
  void aSingleRegionKeysMaterialDoesNotUnwrapUnderItsIdInAnotherRegion() {
    KmsKey single = create(false);
    KeyMaterialRecord record = material(single);

    try (SecretBytes ignored = materials.unwrap(single.arn(), record)) {
      assertThat(ignored.length()).isEqualTo(32);
    }
    assertThatThrownBy(() -> materials.unwrap(single.arnIn(WEST), record)).isInstanceOf(CryptoException.class);
  }

  @Test
  void aPrimaryWithReplicasStartsItsWaitingPeriodWhenTheLastReplicaIsDeleted() {
    KmsKey primary = create(true);
    KmsKey west = replicate(primary, WEST);
    KmsKey europe = replicate(primary, "eu-west-1");

    KmsKey waiting = keys.scheduleDeletion(EAST, primary.keyId(), 10, k -> { });
    assertThat(waiting.state()).isEqualTo(KeyState.PendingReplicaDeletion);
    assertThat(waiting.deletionDate()).isEmpty();
    keys.scheduleDeletion(new Scope(EAST.account(), WEST), west.keyId(), 7, k -> { });
    keys.scheduleDeletion(new Scope(EAST.account(), "eu-west-1"), europe.keyId(), 20, k -> { });

    clock.advance(Duration.ofDays(7).plusSeconds(1));
    assertThat(keys.deleteDue()).isEqualTo(1);
    assertThat(keys.copies(primary)).extracting(KmsKey::region).containsExactly("eu-west-1", "us-east-1");
    assertThat(keys.findById(primary.keyId(), EAST.region()).orElseThrow().state())
        .isEqualTo(KeyState.PendingReplicaDeletion);

    clock.advance(Duration.ofDays(13));
    Instant lastReplicaGone = clock.instant();
    assertThat(keys.deleteDue()).isEqualTo(1);
    KmsKey counting = keys.findById(primary.keyId(), EAST.region()).orElseThrow();
    assertThat(counting.state()).isEqualTo(KeyState.PendingDeletion);
    assertThat(counting.deletionDate()).contains(lastReplicaGone.plus(Duration.ofDays(10)));
    assertThat(storage.read((Transaction tx) -> tx.keyMaterials().list(primary.keyId()))).hasSize(1);

    clock.advance(Duration.ofDays(10));
    assertThat(keys.deleteDue()).isEqualTo(1);
    assertThat(keys.findById(primary.keyId(), EAST.region())).isEmpty();
    assertThat(storage.read((Transaction tx) -> tx.keyMaterials().list(primary.keyId()))).isEmpty();
  }

  @Test
  void aReplicaCanBeDeletedAloneAndTheOthersKeepTheirMaterial() {
    KmsKey primary = create(true);
    KmsKey west = replicate(primary, WEST);

    keys.scheduleDeletion(new Scope(EAST.account(), WEST), west.keyId(), 7, k -> { });
    clock.advance(Duration.ofDays(8));
    keys.deleteDue();

    assertThat(keys.copies(primary)).extracting(KmsKey::region).containsExactly(EAST.region());
    assertThat(keys.findById(primary.keyId(), EAST.region()).orElseThrow().state()).isEqualTo(KeyState.Enabled);
    try (SecretBytes stillThere = materials.unwrap(primary.arn(), material(primary))) {
      assertThat(stillThere.length()).isEqualTo(32);
    }
  }
}
