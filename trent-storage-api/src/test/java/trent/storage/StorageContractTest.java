package trent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static trent.storage.ContractRecords.ACCOUNT;
import static trent.storage.ContractRecords.OTHER_ACCOUNT;
import static trent.storage.ContractRecords.OTHER_REGION;
import static trent.storage.ContractRecords.REGION;
import static trent.storage.ContractRecords.T0;
import static trent.storage.ContractRecords.alias;
import static trent.storage.ContractRecords.fullKey;
import static trent.storage.ContractRecords.grant;
import static trent.storage.ContractRecords.grantId;
import static trent.storage.ContractRecords.withRetiringPrincipal;
import static trent.storage.ContractRecords.key;
import static trent.storage.ContractRecords.material;
import static trent.storage.ContractRecords.newKeyId;
import static trent.storage.ContractRecords.newMultiRegionKeyId;
import static trent.storage.ContractRecords.multiRegionCopy;
import static trent.storage.ContractRecords.pendingDeletion;
import static trent.storage.ContractRecords.term;
import static trent.storage.ContractRecords.withCreationDate;
import static trent.storage.ContractRecords.withDescription;
import static trent.storage.ContractRecords.withState;
import static trent.storage.ContractRecords.withVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Storage} implementation must pass. Extend it, return a fresh empty
 * store from {@link #newStorage()}, and override {@link #reopen} when the store persists.
 *
 * <p>Beyond the SPI's Javadoc this suite pins down, for all implementations alike:
 * <ul>
 *   <li>instants round-trip exactly at millisecond precision (an implementation may keep more);
 *   <li>list order compares text by code point; the suite uses ASCII names and ids only;
 *   <li>{@code insert} with a version other than 0 is refused and stores nothing;
 *   <li>{@code limit} 0 gives an empty list, a negative limit is {@link IllegalArgumentException};
 *   <li>key material, aliases and tags naming a key the store does not hold are refused with a
 *       {@link StorageException} that is not a {@link DuplicateRecordException};
 *   <li>the exception thrown by a unit of work reaches the caller of {@code write} unchanged.
 * </ul>
 * No test depends on timing; every wait is bounded.
 */
public abstract class StorageContractTest {

  private static final long WAIT_SECONDS = 120;

  protected Storage storage;

  /** A new, empty store, used by one test only. */
  protected abstract Storage newStorage();

  /**
   * Closes {@code old} and opens the same store again, for the persistence tests. The default
   * skips them, for stores that do not persist.
   */
  protected Storage reopen(Storage old) {
    Assumptions.abort("this store does not persist");
    return old;
  }

  @BeforeEach
  void openStore() {
    storage = newStorage();
  }

  @AfterEach
  void closeStore() {
    storage.close();
  }

  // Keys

  @Test
  void keyWithEveryFieldSetReadsBackEqual() {
    KeyRecord k = fullKey(newKeyId());
    write(tx -> tx.keys().insert(k));

    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(k);
  }

  @Test
  void keyWithNullFieldsReadsBackEqual() {
    KeyRecord k = key(newKeyId());
    write(tx -> tx.keys().insert(k));

    KeyRecord found = read((Transaction tx) -> tx.keys().find(k.keyId(), REGION)).orElseThrow();
    assertThat(found).isEqualTo(k);
    assertThat(found.deletionDate()).isNull();
    assertThat(found.pendingWindowInDays()).isNull();
    assertThat(found.currentMaterialId()).isNull();
    assertThat(found.description()).isEmpty();
  }

  @Test
  void instantsRoundTripAtMillisecondPrecision() {
    List<Instant> instants = List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
        Instant.parse("2024-02-29T23:59:59.001Z"), Instant.parse("9999-12-31T23:59:59.999Z"));
    List<KeyRecord> keys = new ArrayList<>();
    for (Instant instant : instants) {
      keys.add(withState(withCreationDate(key(newKeyId()), instant), "PendingDeletion", instant, 7));
    }
    write(tx -> keys.forEach(tx.keys()::insert));

    for (KeyRecord k : keys) {
      assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(k);
    }
  }

  @Test
  void textRoundTripsUnchanged() {
    String longPolicy = "{\"p\":\"" + "x".repeat(64 * 1024) + "\"}";
    KeyRecord k = new KeyRecord(newKeyId(), ACCOUNT, REGION, "äöü 日本語 \uD83D\uDD11 'quote' \"dq\" \\ %_", "HMAC_256",
        "GENERATE_VERIFY_MAC", "AWS_KMS", "Enabled", T0, null, null, false, longPolicy, null, 0);
    write(tx -> tx.keys().insert(k));

    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(k);
  }

  @Test
  void findingAMissingKeyIsEmpty() {
    assertThat(read((Transaction tx) -> tx.keys().find(newKeyId(), REGION))).isEmpty();
  }

  @Test
  void insertingAnExistingKeyIdThrowsDuplicateAndKeepsTheStoredKey() {
    KeyRecord k = key(newKeyId());
    write(tx -> tx.keys().insert(k));

    assertThatThrownBy(() -> write(tx -> tx.keys().insert(withDescription(k, "other"))))
        .isInstanceOf(DuplicateRecordException.class);
    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(k);
  }

  @Test
  void insertingAKeyWithANonZeroVersionIsRefused() {
    KeyRecord k = withVersion(key(newKeyId()), 3);

    assertThatThrownBy(() -> write(tx -> tx.keys().insert(k))).isInstanceOf(RuntimeException.class);
    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).isEmpty();
  }

  @Test
  void updateReplacesTheKeyAndIncrementsItsVersion() {
    KeyRecord k = key(newKeyId());
    write(tx -> tx.keys().insert(k));
    KeyRecord changed = withState(withDescription(k, "disabled now"), "PendingDeletion", T0.plusSeconds(86_400), 7);

    KeyRecord first = storage.write((Transaction tx) -> tx.keys().update(changed));
    KeyRecord second = storage.write((Transaction tx) -> tx.keys().update(withDescription(first, "again")));

    assertThat(first).isEqualTo(withVersion(changed, 1));
    assertThat(second).isEqualTo(withVersion(withDescription(changed, "again"), 2));
    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(second);
  }

  @Test
  void updateCanClearNullableFields() {
    KeyRecord k = fullKey(newKeyId());
    write(tx -> tx.keys().insert(k));
    KeyRecord cleared = new KeyRecord(k.keyId(), k.account(), k.region(), "", k.keySpec(), k.keyUsage(), k.origin(),
        "Enabled", k.creationDate(), null, null, false, k.policy(), null, 0);

    KeyRecord stored = storage.write((Transaction tx) -> tx.keys().update(cleared));

    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(stored).contains(withVersion(cleared, 1));
  }

  @Test
  void updateWithAStaleVersionThrowsAndChangesNothing() {
    KeyRecord k = key(newKeyId());
    write(tx -> tx.keys().insert(k));
    KeyRecord current = storage.write((Transaction tx) -> tx.keys().update(withDescription(k, "v1")));

    assertThatThrownBy(() -> write(tx -> tx.keys().update(withDescription(k, "from v0"))))
        .isInstanceOf(StaleRecordException.class);
    assertThatThrownBy(() -> write(tx -> tx.keys().update(withVersion(withDescription(k, "from v7"), 7))))
        .isInstanceOf(StaleRecordException.class);
    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(current);
  }

  @Test
  void updatingAMissingOrDeletedKeyIsStale() {
    KeyRecord never = key(newKeyId());
    KeyRecord deleted = key(newKeyId());
    write(tx -> tx.keys().insert(deleted));
    write(tx -> tx.keys().delete(deleted.keyId(), REGION));

    assertThatThrownBy(() -> write(tx -> tx.keys().update(never))).isInstanceOf(StaleRecordException.class);
    assertThatThrownBy(() -> write(tx -> tx.keys().update(deleted))).isInstanceOf(StaleRecordException.class);
    assertThat(read((Transaction tx) -> tx.keys().find(deleted.keyId(), REGION))).isEmpty();
    assertThat(read((Transaction tx) -> tx.keys().find(never.keyId(), REGION))).isEmpty();
  }

  @Test
  void deleteReportsWhetherThereWasAKey() {
    KeyRecord k = key(newKeyId());
    write(tx -> tx.keys().insert(k));

    assertThat(storage.write((Transaction tx) -> tx.keys().delete(k.keyId(), REGION))).isTrue();
    assertThat(storage.write((Transaction tx) -> tx.keys().delete(k.keyId(), REGION))).isFalse();
    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).isEmpty();
  }

  @Test
  void deletingAKeyRemovesItsMaterialAliasesAndTagsAndNothingElse() {
    String doomed = newKeyId();
    String kept = newKeyId();
    for (String id : List.of(doomed, kept)) {
      write(tx -> {
        tx.keys().insert(key(id));
        tx.keyMaterials().insert(material(id, 1, T0));
        tx.keyMaterials().insert(material(id, 2, T0.plusSeconds(1)));
        tx.aliases().insert(alias("alias/" + id + "-a", id));
        tx.aliases().insert(alias("alias/" + id + "-b", id));
        tx.tags().put(new TagRecord(id, REGION, "team", "payments"));
        tx.grants().insert(grant(grantId(id.hashCode()), id, "arn:aws:iam::" + ACCOUNT + ":role/r"));
      });
    }

    write(tx -> assertThat(tx.keys().delete(doomed, REGION)).isTrue());

    read((Transaction tx) -> {
      assertThat(tx.keyMaterials().list(doomed)).isEmpty();
      assertThat(tx.keyMaterials().find(doomed, ContractRecords.materialId(1))).isEmpty();
      assertThat(tx.aliases().list(ACCOUNT, REGION, doomed, null, 100)).isEmpty();
      assertThat(tx.aliases().find(ACCOUNT, REGION, "alias/" + doomed + "-a")).isEmpty();
      assertThat(tx.tags().list(doomed, REGION)).isEmpty();
      assertThat(tx.grants().listByKey(doomed, REGION, null, 100)).isEmpty();
      assertThat(tx.grants().find(grantId(doomed.hashCode()))).isEmpty();
      assertThat(tx.keys().find(kept, REGION)).isPresent();
      assertThat(tx.grants().listByKey(kept, REGION, null, 100)).hasSize(1);
      assertThat(tx.keyMaterials().list(kept)).hasSize(2);
      assertThat(tx.aliases().list(ACCOUNT, REGION, kept, null, 100)).hasSize(2);
      assertThat(tx.tags().list(kept, REGION)).hasSize(1);
      return null;
    });
  }

  @Test
  void listOrdersKeysByIdAndPagesExclusivelyAfterTheGivenId() {
    List<String> ids = insertKeys(7, ACCOUNT, REGION);

    List<KeyRecord> first = read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, null, 3));
    List<KeyRecord> second = read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, first.get(2).keyId(), 3));
    List<KeyRecord> third = read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, second.get(2).keyId(), 3));
    List<KeyRecord> past = read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, third.get(0).keyId(), 3));

    assertThat(keyIds(first)).containsExactlyElementsOf(ids.subList(0, 3));
    assertThat(keyIds(second)).containsExactlyElementsOf(ids.subList(3, 6));
    assertThat(keyIds(third)).containsExactly(ids.get(6));
    assertThat(past).isEmpty();
  }

  @Test
  void listAfterAnIdThatIsNotStoredStartsAtTheNextGreaterId() {
    List<String> ids = insertKeys(3, ACCOUNT, REGION);
    String between = ids.get(0) + "0"; // sorts after ids[0] and before ids[1]

    assertThat(keyIds(read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, between, 10))))
        .containsExactlyElementsOf(ids.subList(1, 3));
    assertThat(keyIds(read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, "", 10)))).containsExactlyElementsOf(ids);
    assertThat(read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, "~", 10))).isEmpty();
  }

  @Test
  void listHonoursTheLimit() {
    List<String> ids = insertKeys(4, ACCOUNT, REGION);

    assertThat(read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, null, 0))).isEmpty();
    assertThat(keyIds(read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, null, 1)))).containsExactly(ids.get(0));
    assertThat(keyIds(read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, null, 100)))).containsExactlyElementsOf(ids);
    assertThatThrownBy(() -> read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, null, -1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listShowsOnlyKeysOfTheGivenAccountAndRegion() {
    List<String> mine = insertKeys(3, ACCOUNT, REGION);
    List<String> otherAccount = insertKeys(2, OTHER_ACCOUNT, REGION);
    List<String> otherRegion = insertKeys(2, ACCOUNT, OTHER_REGION);

    assertThat(keyIds(read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, null, 100)))).containsExactlyElementsOf(mine);
    assertThat(keyIds(read((Transaction tx) -> tx.keys().list(OTHER_ACCOUNT, REGION, null, 100))))
        .containsExactlyElementsOf(otherAccount);
    assertThat(keyIds(read((Transaction tx) -> tx.keys().list(ACCOUNT, OTHER_REGION, null, 100))))
        .containsExactlyElementsOf(otherRegion);
    assertThat(read((Transaction tx) -> tx.keys().list(OTHER_ACCOUNT, OTHER_REGION, null, 100))).isEmpty();
  }

  @Test
  void listAllShowsKeysOfEveryAccountAndRegionByIdInPages() {
    List<String> all = new java.util.ArrayList<>(insertKeys(3, ACCOUNT, REGION));
    all.addAll(insertKeys(2, OTHER_ACCOUNT, REGION));
    all.addAll(insertKeys(2, ACCOUNT, OTHER_REGION));
    java.util.Collections.sort(all);

    List<KeyRecord> first = read((Transaction tx) -> tx.keys().listAll(null, null, 4));
    List<KeyRecord> rest = read((Transaction tx) -> tx.keys().listAll(first.get(3).keyId(), first.get(3).region(), 4));

    assertThat(keyIds(first)).containsExactlyElementsOf(all.subList(0, 4));
    assertThat(keyIds(rest)).containsExactlyElementsOf(all.subList(4, 7));
    assertThat(read((Transaction tx) -> tx.keys().listAll(null, null, 0))).isEmpty();
  }

  @Test
  void listDeletionDueFindsKeysInTheStateDueAtOrBeforeTheInstantInAnyAccount() {
    Instant now = T0.plusSeconds(3600);
    KeyRecord past = pendingDeletion(newKeyId(), ACCOUNT, now.minusMillis(1));
    KeyRecord exactlyNow = pendingDeletion(newKeyId(), OTHER_ACCOUNT, now);
    KeyRecord future = pendingDeletion(newKeyId(), ACCOUNT, now.plusMillis(1));
    KeyRecord otherState = withState(key(newKeyId()), "PendingReplicaDeletion", now.minusSeconds(60), 7);
    KeyRecord noDate = key(newKeyId());
    write(tx -> List.of(past, exactlyNow, future, otherState, noDate).forEach(tx.keys()::insert));

    assertThat(read((Transaction tx) -> tx.keys().listDeletionDue("PendingDeletion", now, 100)))
        .containsExactlyInAnyOrder(past, exactlyNow);
    assertThat(read((Transaction tx) -> tx.keys().listDeletionDue("PendingReplicaDeletion", now, 100))).containsExactly(otherState);
    assertThat(read((Transaction tx) -> tx.keys().listDeletionDue("Enabled", now, 100))).isEmpty();
  }

  @Test
  void listDeletionDueHonoursTheLimit() {
    List<KeyRecord> due = IntStream.range(0, 5)
        .mapToObj(i -> pendingDeletion(newKeyId(), ACCOUNT, T0.plusSeconds(i))).collect(Collectors.toList());
    write(tx -> due.forEach(tx.keys()::insert));

    List<KeyRecord> two = read((Transaction tx) -> tx.keys().listDeletionDue("PendingDeletion", T0.plusSeconds(10), 2));
    assertThat(two).hasSize(2).isSubsetOf(due);
    assertThat(read((Transaction tx) -> tx.keys().listDeletionDue("PendingDeletion", T0.plusSeconds(10), 0))).isEmpty();
  }

  // Key material

  @Test
  void keyMaterialReadsBackEqual() {
    String keyId = insertKey();
    KeyMaterialRecord m = material(keyId, 1, T0);
    write(tx -> tx.keyMaterials().insert(m));

    assertThat(read((Transaction tx) -> tx.keyMaterials().find(keyId, m.materialId()))).contains(m);
    assertThat(read((Transaction tx) -> tx.keyMaterials().find(keyId, ContractRecords.materialId(2)))).isEmpty();
    assertThat(read((Transaction tx) -> tx.keyMaterials().find(newKeyId(), m.materialId()))).isEmpty();
  }

  @Test
  void keyMaterialBytesOfAnyLengthRoundTrip() {
    String keyId = insertKey();
    byte[] large = new byte[256 * 1024];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 31);
    }
    KeyMaterialRecord empty = new KeyMaterialRecord(keyId, ContractRecords.materialId(1), new byte[0], T0);
    KeyMaterialRecord big = new KeyMaterialRecord(keyId, ContractRecords.materialId(2), large, T0.plusMillis(1));
    write(tx -> {
      tx.keyMaterials().insert(empty);
      tx.keyMaterials().insert(big);
    });

    assertThat(read((Transaction tx) -> tx.keyMaterials().list(keyId))).containsExactly(empty, big);
  }

  @Test
  void keyMaterialIsListedOldestFirstAndOnlyForItsKey() {
    String keyId = insertKey();
    String otherKeyId = insertKey();
    KeyMaterialRecord newest = material(keyId, 1, T0.plusSeconds(20));
    KeyMaterialRecord oldest = material(keyId, 2, T0);
    KeyMaterialRecord middle = material(keyId, 3, T0.plusSeconds(10));
    write(tx -> {
      tx.keyMaterials().insert(newest);
      tx.keyMaterials().insert(oldest);
      tx.keyMaterials().insert(middle);
      tx.keyMaterials().insert(material(otherKeyId, 4, T0));
    });

    assertThat(read((Transaction tx) -> tx.keyMaterials().list(keyId))).containsExactly(oldest, middle, newest);
    assertThat(read((Transaction tx) -> tx.keyMaterials().list(newKeyId()))).isEmpty();
  }

  @Test
  void insertingExistingKeyMaterialThrowsDuplicate() {
    String keyId = insertKey();
    String otherKeyId = insertKey();
    KeyMaterialRecord m = material(keyId, 1, T0);
    write(tx -> tx.keyMaterials().insert(m));

    assertThatThrownBy(() -> write(tx -> tx.keyMaterials().insert(material(keyId, 1, T0.plusSeconds(1)))))
        .isInstanceOf(DuplicateRecordException.class);
    write(tx -> tx.keyMaterials().insert(material(otherKeyId, 1, T0)));
    assertThat(read((Transaction tx) -> tx.keyMaterials().list(keyId))).containsExactly(m);
  }

  // Aliases

  @Test
  void aliasReadsBackEqual() {
    String keyId = insertKey();
    AliasRecord a = alias("alias/payments", keyId);
    write(tx -> tx.aliases().insert(a));

    assertThat(read((Transaction tx) -> tx.aliases().find(ACCOUNT, REGION, "alias/payments"))).contains(a);
    assertThat(read((Transaction tx) -> tx.aliases().find(ACCOUNT, REGION, "alias/other"))).isEmpty();
    assertThat(read((Transaction tx) -> tx.aliases().find(OTHER_ACCOUNT, REGION, "alias/payments"))).isEmpty();
    assertThat(read((Transaction tx) -> tx.aliases().find(ACCOUNT, OTHER_REGION, "alias/payments"))).isEmpty();
  }

  @Test
  void aliasNamesAreUniquePerAccountAndRegion() {
    String keyId = insertKey();
    String otherAccountKey = insertKey(OTHER_ACCOUNT, REGION);
    String otherRegionKey = insertKey(ACCOUNT, OTHER_REGION);
    write(tx -> tx.aliases().insert(alias("alias/payments", keyId)));

    assertThatThrownBy(() -> write(tx -> tx.aliases().insert(alias("alias/payments", insertKeyIn(tx)))))
        .isInstanceOf(DuplicateRecordException.class);
    write(tx -> tx.aliases().insert(alias(OTHER_ACCOUNT, REGION, "alias/payments", otherAccountKey)));
    write(tx -> tx.aliases().insert(alias(ACCOUNT, OTHER_REGION, "alias/payments", otherRegionKey)));

    assertThat(read((Transaction tx) -> tx.aliases().find(ACCOUNT, REGION, "alias/payments")).orElseThrow().targetKeyId())
        .isEqualTo(keyId);
  }

  @Test
  void aliasUpdateRetargetsAndIncrementsTheVersion() {
    String keyId = insertKey();
    String newTarget = insertKey();
    AliasRecord a = alias("alias/payments", keyId);
    write(tx -> tx.aliases().insert(a));
    AliasRecord retargeted = new AliasRecord(ACCOUNT, REGION, "alias/payments", newTarget, a.creationDate(),
        T0.plusSeconds(60), 0);

    AliasRecord stored = storage.write((Transaction tx) -> tx.aliases().update(retargeted));

    assertThat(stored).isEqualTo(new AliasRecord(ACCOUNT, REGION, "alias/payments", newTarget, a.creationDate(),
        T0.plusSeconds(60), 1));
    assertThat(read((Transaction tx) -> tx.aliases().find(ACCOUNT, REGION, "alias/payments"))).contains(stored);
  }

  @Test
  void aliasUpdateWithAStaleVersionOrOfAMissingAliasThrows() {
    String keyId = insertKey();
    AliasRecord a = alias("alias/payments", keyId);
    write(tx -> tx.aliases().insert(a));
    AliasRecord current = storage.write((Transaction tx) -> tx.aliases().update(a));

    assertThatThrownBy(() -> write(tx -> tx.aliases().update(a))).isInstanceOf(StaleRecordException.class);
    assertThatThrownBy(() -> write(tx -> tx.aliases().update(alias("alias/missing", keyId))))
        .isInstanceOf(StaleRecordException.class);
    write(tx -> tx.aliases().delete(ACCOUNT, REGION, "alias/payments"));
    assertThatThrownBy(() -> write(tx -> tx.aliases().update(current))).isInstanceOf(StaleRecordException.class);
    assertThat(read((Transaction tx) -> tx.aliases().find(ACCOUNT, REGION, "alias/payments"))).isEmpty();
  }

  @Test
  void aliasDeleteReportsWhetherThereWasOne() {
    String keyId = insertKey();
    write(tx -> tx.aliases().insert(alias("alias/payments", keyId)));

    assertThat(storage.write((Transaction tx) -> tx.aliases().delete(ACCOUNT, OTHER_REGION, "alias/payments"))).isFalse();
    assertThat(storage.write((Transaction tx) -> tx.aliases().delete(ACCOUNT, REGION, "alias/payments"))).isTrue();
    assertThat(storage.write((Transaction tx) -> tx.aliases().delete(ACCOUNT, REGION, "alias/payments"))).isFalse();
    assertThat(read((Transaction tx) -> tx.keys().find(keyId, REGION))).isPresent();
  }

  @Test
  void aliasesAreListedByNameInPagesAndFilteredByTarget() {
    String a = insertKey();
    String b = insertKey();
    write(tx -> {
      tx.aliases().insert(alias("alias/e", a));
      tx.aliases().insert(alias("alias/b", b));
      tx.aliases().insert(alias("alias/d", b));
      tx.aliases().insert(alias("alias/a", a));
      tx.aliases().insert(alias("alias/c", a));
    });

    assertThat(aliasNames(read((Transaction tx) -> tx.aliases().list(ACCOUNT, REGION, null, null, 2))))
        .containsExactly("alias/a", "alias/b");
    assertThat(aliasNames(read((Transaction tx) -> tx.aliases().list(ACCOUNT, REGION, null, "alias/b", 2))))
        .containsExactly("alias/c", "alias/d");
    assertThat(aliasNames(read((Transaction tx) -> tx.aliases().list(ACCOUNT, REGION, null, "alias/d", 2))))
        .containsExactly("alias/e");
    assertThat(aliasNames(read((Transaction tx) -> tx.aliases().list(ACCOUNT, REGION, null, "alias/bb", 100))))
        .containsExactly("alias/c", "alias/d", "alias/e");
    assertThat(aliasNames(read((Transaction tx) -> tx.aliases().list(ACCOUNT, REGION, a, null, 100))))
        .containsExactly("alias/a", "alias/c", "alias/e");
    assertThat(aliasNames(read((Transaction tx) -> tx.aliases().list(ACCOUNT, REGION, a, "alias/a", 1))))
        .containsExactly("alias/c");
    assertThat(aliasNames(read((Transaction tx) -> tx.aliases().list(ACCOUNT, REGION, b, null, 100))))
        .containsExactly("alias/b", "alias/d");
    assertThat(read((Transaction tx) -> tx.aliases().list(ACCOUNT, REGION, newKeyId(), null, 100))).isEmpty();
    assertThat(read((Transaction tx) -> tx.aliases().list(ACCOUNT, REGION, null, null, 0))).isEmpty();
  }

  @Test
  void aliasesAreListedOnlyForTheGivenAccountAndRegion() {
    String mine = insertKey();
    String otherAccountKey = insertKey(OTHER_ACCOUNT, REGION);
    String otherRegionKey = insertKey(ACCOUNT, OTHER_REGION);
    write(tx -> {
      tx.aliases().insert(alias("alias/mine", mine));
      tx.aliases().insert(alias(OTHER_ACCOUNT, REGION, "alias/theirs", otherAccountKey));
      tx.aliases().insert(alias(ACCOUNT, OTHER_REGION, "alias/elsewhere", otherRegionKey));
    });

    assertThat(aliasNames(read((Transaction tx) -> tx.aliases().list(ACCOUNT, REGION, null, null, 100))))
        .containsExactly("alias/mine");
    assertThat(aliasNames(read((Transaction tx) -> tx.aliases().list(OTHER_ACCOUNT, REGION, null, null, 100))))
        .containsExactly("alias/theirs");
    assertThat(aliasNames(read((Transaction tx) -> tx.aliases().list(ACCOUNT, OTHER_REGION, null, null, 100))))
        .containsExactly("alias/elsewhere");
  }

  // Tags

  @Test
  void tagsAreListedByTagKeyAndPutReplacesTheValue() {
    String keyId = insertKey();
    String otherKeyId = insertKey();
    write(tx -> {
      tx.tags().put(new TagRecord(keyId, REGION, "b-team", "payments"));
      tx.tags().put(new TagRecord(keyId, REGION, "a-cost", "42"));
      tx.tags().put(new TagRecord(keyId, REGION, "c-empty", ""));
      tx.tags().put(new TagRecord(otherKeyId, REGION, "a-cost", "7"));
    });
    write(tx -> tx.tags().put(new TagRecord(keyId, REGION, "b-team", "risk")));

    assertThat(read((Transaction tx) -> tx.tags().list(keyId, REGION))).containsExactly(new TagRecord(keyId, REGION, "a-cost", "42"),
        new TagRecord(keyId, REGION, "b-team", "risk"), new TagRecord(keyId, REGION, "c-empty", ""));
    assertThat(read((Transaction tx) -> tx.tags().list(otherKeyId, REGION))).containsExactly(new TagRecord(otherKeyId, REGION, "a-cost", "7"));
    assertThat(read((Transaction tx) -> tx.tags().list(newKeyId(), REGION))).isEmpty();
  }

  @Test
  void removeTagReportsWhetherTheKeyHadIt() {
    String keyId = insertKey();
    String otherKeyId = insertKey();
    write(tx -> {
      tx.tags().put(new TagRecord(keyId, REGION, "team", "payments"));
      tx.tags().put(new TagRecord(otherKeyId, REGION, "team", "risk"));
    });

    assertThat(storage.write((Transaction tx) -> tx.tags().remove(keyId, REGION, "team"))).isTrue();
    assertThat(storage.write((Transaction tx) -> tx.tags().remove(keyId, REGION, "team"))).isFalse();
    assertThat(storage.write((Transaction tx) -> tx.tags().remove(keyId, REGION, "other"))).isFalse();
    assertThat(read((Transaction tx) -> tx.tags().list(keyId, REGION))).isEmpty();
    assertThat(read((Transaction tx) -> tx.tags().list(otherKeyId, REGION))).containsExactly(new TagRecord(otherKeyId, REGION, "team", "risk"));
  }

  // Records that name a key

  @Test
  void recordsNamingAKeyThatIsNotStoredAreRefused() {
    String missing = newKeyId();

    for (Consumer<Transaction> orphan : List.<Consumer<Transaction>>of(
        tx -> tx.keyMaterials().insert(material(missing, 1, T0)),
        tx -> tx.aliases().insert(alias("alias/orphan", missing)),
        tx -> tx.tags().put(new TagRecord(missing, REGION, "team", "payments")),
        tx -> tx.grants().insert(grant(grantId(1), missing, "arn:aws:iam::" + ACCOUNT + ":root")))) {
      Throwable thrown = catchThrowable(() -> write(orphan));
      assertThat(thrown).isInstanceOf(StorageException.class).isNotInstanceOf(DuplicateRecordException.class);
    }
    read((Transaction tx) -> {
      assertThat(tx.keyMaterials().list(missing)).isEmpty();
      assertThat(tx.aliases().find(ACCOUNT, REGION, "alias/orphan")).isEmpty();
      assertThat(tx.tags().list(missing, REGION)).isEmpty();
      assertThat(tx.grants().find(grantId(1))).isEmpty();
      return null;
    });
  }

  @Test
  void retargetingAnAliasToAKeyThatIsNotStoredIsRefused() {
    String keyId = insertKey();
    AliasRecord a = alias("alias/payments", keyId);
    write(tx -> tx.aliases().insert(a));
    AliasRecord orphan = new AliasRecord(ACCOUNT, REGION, "alias/payments", newKeyId(), T0, T0, 0);

    assertThatThrownBy(() -> write(tx -> tx.aliases().update(orphan)))
        .isInstanceOf(StorageException.class).isNotInstanceOf(StaleRecordException.class);
    assertThat(read((Transaction tx) -> tx.aliases().find(ACCOUNT, REGION, "alias/payments"))).contains(a);
  }

  // Grants

  @Test
  void grantWithEveryFieldSetReadsBackEqual() {
    String keyId = insertKey();
    GrantRecord full = new GrantRecord(grantId(7), keyId, REGION, "payments-grant", T0, "arn:aws:iam::" + OTHER_ACCOUNT
        + ":role/app", "arn:aws:iam::" + ACCOUNT + ":user/ops", "arn:aws:iam::" + ACCOUNT + ":root",
        List.of("Decrypt", "GenerateDataKeyWithoutPlaintext", "RetireGrant"), "{\"EncryptionContextEquals\":{\"k\":\"v — ✓\"}}",
        "secret-" + keyId);
    GrantRecord bare = grant(grantId(8), keyId, "arn:aws:iam::" + ACCOUNT + ":root");
    write(tx -> {
      tx.grants().insert(full);
      tx.grants().insert(bare);
    });

    assertThat(read((Transaction tx) -> tx.grants().find(grantId(7)))).contains(full);
    assertThat(read((Transaction tx) -> tx.grants().find(grantId(8)))).contains(bare);
    assertThat(read((Transaction tx) -> tx.grants().find(grantId(9)))).isEmpty();
  }

  @Test
  void insertingAnExistingGrantIdThrowsDuplicateAndKeepsTheStoredGrant() {
    String keyId = insertKey();
    GrantRecord first = grant(grantId(1), keyId, "arn:aws:iam::" + ACCOUNT + ":role/a");
    write(tx -> tx.grants().insert(first));

    assertThatThrownBy(() -> write(tx -> tx.grants().insert(grant(grantId(1), keyId, "arn:aws:iam::" + ACCOUNT + ":role/b"))))
        .isInstanceOf(DuplicateRecordException.class);
    assertThat(read((Transaction tx) -> tx.grants().find(grantId(1)))).contains(first);
  }

  @Test
  void grantDeleteReportsWhetherThereWasOne() {
    String keyId = insertKey();
    write(tx -> tx.grants().insert(grant(grantId(1), keyId, "arn:aws:iam::" + ACCOUNT + ":root")));

    assertThat(storage.write((Transaction tx) -> tx.grants().delete(grantId(1)))).isTrue();
    assertThat(storage.write((Transaction tx) -> tx.grants().delete(grantId(1)))).isFalse();
    assertThat(read((Transaction tx) -> tx.grants().find(grantId(1)))).isEmpty();
  }

  @Test
  void grantsAreListedByIdInPagesPerKey() {
    String keyId = insertKey();
    String otherKeyId = insertKey();
    write(tx -> {
      for (int n : new int[] {5, 1, 4, 2, 3}) {
        tx.grants().insert(grant(grantId(n), keyId, "arn:aws:iam::" + ACCOUNT + ":root"));
      }
      tx.grants().insert(grant(grantId(6), otherKeyId, "arn:aws:iam::" + ACCOUNT + ":root"));
    });

    assertThat(read((Transaction tx) -> tx.grants().listByKey(keyId, REGION, null, 2)))
        .extracting(GrantRecord::grantId).containsExactly(grantId(1), grantId(2));
    assertThat(read((Transaction tx) -> tx.grants().listByKey(keyId, REGION, grantId(2), 10)))
        .extracting(GrantRecord::grantId).containsExactly(grantId(3), grantId(4), grantId(5));
    assertThat(read((Transaction tx) -> tx.grants().listByKey(keyId, REGION, grantId(5), 10))).isEmpty();
    assertThat(read((Transaction tx) -> tx.grants().listByKey(keyId, REGION, null, 0))).isEmpty();
    assertThat(read((Transaction tx) -> tx.grants().listByKey(otherKeyId, REGION, null, 10)))
        .extracting(GrantRecord::grantId).containsExactly(grantId(6));
  }

  @Test
  void grantsAreListedByRetiringPrincipalAcrossKeys() {
    String keyId = insertKey();
    String otherKeyId = insertKey();
    String retirer = "arn:aws:iam::" + ACCOUNT + ":role/retirer";
    write(tx -> {
      tx.grants().insert(withRetiringPrincipal(grant(grantId(3), keyId, "arn:aws:iam::" + ACCOUNT + ":root"), retirer));
      tx.grants().insert(withRetiringPrincipal(grant(grantId(1), otherKeyId, "arn:aws:iam::" + ACCOUNT + ":root"), retirer));
      tx.grants().insert(withRetiringPrincipal(grant(grantId(2), keyId, "arn:aws:iam::" + ACCOUNT + ":root"), "other"));
      tx.grants().insert(grant(grantId(4), keyId, "arn:aws:iam::" + ACCOUNT + ":root"));
    });

    assertThat(read((Transaction tx) -> tx.grants().listByRetiringPrincipal(retirer, null, 10)))
        .extracting(GrantRecord::grantId).containsExactly(grantId(1), grantId(3));
    assertThat(read((Transaction tx) -> tx.grants().listByRetiringPrincipal(retirer, grantId(1), 10)))
        .extracting(GrantRecord::grantId).containsExactly(grantId(3));
    assertThat(read((Transaction tx) -> tx.grants().listByRetiringPrincipal(retirer, null, 1)))
        .extracting(GrantRecord::grantId).containsExactly(grantId(1));
  }

  @Test
  void aGrantListWithANegativeLimitIsRefused() {
    String keyId = insertKey();
    assertThatThrownBy(() -> read((Transaction tx) -> tx.grants().listByKey(keyId, REGION, null, -1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Keyring

  @Test
  void keyringTermsAreListedLowestFirstAndReadBackEqual() {
    assertThat(read((Transaction tx) -> tx.keyring().list())).isEmpty();
    write(tx -> tx.keyring().insert(term(3)));
    write(tx -> {
      tx.keyring().insert(term(1));
      tx.keyring().insert(term(2));
    });

    assertThat(read((Transaction tx) -> tx.keyring().list())).containsExactly(term(1), term(2), term(3));
  }

  @Test
  void insertingAnExistingTermThrowsDuplicate() {
    write(tx -> tx.keyring().insert(term(1)));
    KeyringTermRecord again = new KeyringTermRecord(1, "other-root", new byte[] {1}, T0);

    assertThatThrownBy(() -> write(tx -> tx.keyring().insert(again))).isInstanceOf(DuplicateRecordException.class);
    assertThat(read((Transaction tx) -> tx.keyring().list())).containsExactly(term(1));
  }

  // Root of trust rotation (schema V9)

  private static KeyringTermRecord incoming(int term) {
    return new KeyringTermRecord(term, "new-root", new byte[] {4, 5, (byte) term}, T0.plusSeconds(term));
  }

  @Test
  void aRootRotationKeepsBothWrappingsUntilItFinishes() {
    RootRotationRecord rotation = new RootRotationRecord("key-file:1", "new-root", 2, T0.plusSeconds(60));
    write(tx -> tx.keyring().insert(term(1)));
    assertThat(read((Transaction tx) -> tx.keyring().rootRotation())).isEmpty();
    assertThat(read((Transaction tx) -> tx.keyring().listIncoming())).isEmpty();

    write(tx -> {
      tx.keyring().insert(term(2));
      tx.keyring().startRootRotation(rotation, List.of(incoming(1), incoming(2)));
    });

    read((Transaction tx) -> {
      assertThat(tx.keyring().rootRotation()).contains(rotation);
      assertThat(tx.keyring().list()).containsExactly(term(1), term(2));
      assertThat(tx.keyring().listIncoming()).containsExactly(incoming(1), incoming(2));
      return null;
    });
    assertThatThrownBy(() -> write(tx -> tx.keyring().startRootRotation(rotation, List.of(incoming(1), incoming(2)))))
        .isInstanceOf(DuplicateRecordException.class);

    assertThat(storage.write((Transaction tx) -> tx.keyring().finishRootRotation())).isTrue();

    read((Transaction tx) -> {
      assertThat(tx.keyring().rootRotation()).isEmpty();
      assertThat(tx.keyring().listIncoming()).isEmpty();
      assertThat(tx.keyring().list()).containsExactly(incoming(1), incoming(2));
      return null;
    });
    assertThat(storage.write((Transaction tx) -> tx.keyring().finishRootRotation())).isFalse();
  }

  @Test
  void anAbortedRootRotationLeavesTheTermsAsTheyWere() {
    write(tx -> {
      tx.keyring().insert(term(1));
      tx.keyring().startRootRotation(new RootRotationRecord("key-file:1", "new-root", 1, T0), List.of(incoming(1)));
    });

    assertThat(storage.write((Transaction tx) -> tx.keyring().abortRootRotation())).isTrue();

    read((Transaction tx) -> {
      assertThat(tx.keyring().rootRotation()).isEmpty();
      assertThat(tx.keyring().listIncoming()).isEmpty();
      assertThat(tx.keyring().list()).containsExactly(term(1));
      return null;
    });
    assertThat(storage.write((Transaction tx) -> tx.keyring().abortRootRotation())).isFalse();
  }

  @Test
  void aRootRotationMustWrapEveryStoredTermOnceByItsNewRoot() {
    RootRotationRecord rotation = new RootRotationRecord("key-file:1", "new-root", 2, T0);
    write(tx -> {
      tx.keyring().insert(term(1));
      tx.keyring().insert(term(2));
    });

    assertThatThrownBy(() -> write(tx -> tx.keyring().startRootRotation(rotation, List.of(incoming(1)))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> write(tx -> tx.keyring().startRootRotation(rotation,
        List.of(incoming(1), new KeyringTermRecord(2, "third-root", new byte[] {1}, T0)))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(read((Transaction tx) -> tx.keyring().rootRotation())).isEmpty();
    assertThat(read((Transaction tx) -> tx.keyring().listIncoming())).isEmpty();
  }

  @Test
  void rewrappedMaterialReplacesOnlyTheExpectedBytes() {
    String keyId = insertKey();
    KeyMaterialRecord m = material(keyId, 1, T0);
    write(tx -> tx.keyMaterials().insert(m));
    byte[] rewrapped = {7, 7, 7};

    assertThat(storage.write((Transaction tx) ->
        tx.keyMaterials().replaceWrapped(keyId, m.materialId(), new byte[] {0}, rewrapped))).isFalse();
    assertThat(storage.write((Transaction tx) ->
        tx.keyMaterials().replaceWrapped(keyId, "f".repeat(64), m.wrappedMaterial(), rewrapped))).isFalse();
    assertThat(storage.write((Transaction tx) ->
        tx.keyMaterials().replaceWrapped(keyId, m.materialId(), m.wrappedMaterial(), rewrapped))).isTrue();

    assertThat(read((Transaction tx) -> tx.keyMaterials().find(keyId, m.materialId())))
        .contains(new KeyMaterialRecord(keyId, m.materialId(), rewrapped, m.createdAt()));
  }

  // Transactions

  @Test
  void writeReturnsTheResultOfItsWork() {
    KeyRecord k = key(newKeyId());

    String result = storage.write((Transaction tx) -> {
      tx.keys().insert(k);
      return "done " + tx.keys().find(k.keyId(), REGION).orElseThrow().keyId();
    });

    assertThat(result).isEqualTo("done " + k.keyId());
  }

  @Test
  void workThatThrowsAfterWritingLeavesNothingAndItsExceptionReachesTheCaller() {
    KeyRecord k = key(newKeyId());
    IllegalStateException failure = new IllegalStateException("domain rule failed");

    Throwable thrown = catchThrowable(() -> storage.write((Transaction tx) -> {
      tx.keys().insert(k);
      tx.tags().put(new TagRecord(k.keyId(), REGION, "team", "payments"));
      tx.keyring().insert(term(1));
      throw failure;
    }));

    assertThat(thrown).isSameAs(failure);
    read((Transaction tx) -> {
      assertThat(tx.keys().find(k.keyId(), REGION)).isEmpty();
      assertThat(tx.tags().list(k.keyId(), REGION)).isEmpty();
      assertThat(tx.keyring().list()).isEmpty();
      return null;
    });
  }

  @Test
  void aStorageFailureInsideWorkUndoesTheWholeUnit() {
    KeyRecord existing = key(newKeyId());
    write(tx -> tx.keys().insert(existing));
    KeyRecord fresh = key(newKeyId());

    assertThatThrownBy(() -> write(tx -> {
      tx.keys().insert(fresh);
      tx.keys().insert(existing);
    })).isInstanceOf(DuplicateRecordException.class);

    assertThat(read((Transaction tx) -> tx.keys().find(fresh.keyId(), REGION))).isEmpty();
  }

  @Test
  void aFailedWriteLeavesEarlierWritesAndTheStoreUsable() {
    KeyRecord before = key(newKeyId());
    KeyRecord after = key(newKeyId());
    write(tx -> tx.keys().insert(before));

    assertThatThrownBy(() -> write(tx -> {
      throw new IllegalArgumentException("no");
    })).isInstanceOf(IllegalArgumentException.class);
    write(tx -> tx.keys().insert(after));

    assertThat(read((Transaction tx) -> tx.keys().find(before.keyId(), REGION))).contains(before);
    assertThat(read((Transaction tx) -> tx.keys().find(after.keyId(), REGION))).contains(after);
  }

  @Test
  void workSeesItsOwnChangesBeforeItReturns() {
    KeyRecord k = key(newKeyId());

    write(tx -> {
      tx.keys().insert(k);
      KeyRecord updated = tx.keys().update(withDescription(k, "changed"));
      assertThat(tx.keys().find(k.keyId(), REGION)).contains(updated);
      assertThat(tx.keys().list(ACCOUNT, REGION, null, 10)).containsExactly(updated);
    });
  }

  @Test
  void aReadSeesEveryWriteThatReturnedBeforeItBeganOnAnyThread() throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < 50; i++) {
        KeyRecord k = key(newKeyId());
        writers.submit(() -> write(tx -> tx.keys().insert(k))).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(k);
      }
    } finally {
      writers.shutdownNow();
    }
  }

  @Test
  void concurrentWritersAreAllStoredAndNoneIsLost() throws Exception {
    int threads = 16;
    int perThread = 200;
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    runConcurrently(threads, t -> {
      for (int i = 0; i < perThread; i++) {
        KeyRecord k = key(newKeyId());
        write(tx -> tx.keys().insert(k));
        acknowledged.add(k.keyId());
      }
    });

    assertThat(acknowledged).hasSize(threads * perThread);
    assertThat(allKeyIds(ACCOUNT, REGION)).containsExactlyInAnyOrderElementsOf(acknowledged);
  }

  @Test
  void failingUnitsAmongConcurrentWritersAffectOnlyThemselves() throws Exception {
    int threads = 16;
    int perThread = 60;
    Set<String> committed = ConcurrentHashMap.newKeySet();
    Set<String> failed = ConcurrentHashMap.newKeySet();
    List<String> wrongOutcomes = Collections.synchronizedList(new ArrayList<>());

    runConcurrently(threads, t -> {
      for (int i = 0; i < perThread; i++) {
        KeyRecord k = key(newKeyId());
        boolean fails = (t + i) % 3 == 0;
        RuntimeException failure = new IllegalStateException("unit " + k.keyId() + " fails");
        try {
          storage.write((Transaction tx) -> {
            tx.keys().insert(k);
            tx.tags().put(new TagRecord(k.keyId(), REGION, "thread", Integer.toString(t)));
            if (fails) {
              throw failure;
            }
            return null;
          });
          (fails ? wrongOutcomes : committed).add(k.keyId());
        } catch (RuntimeException e) {
          if (e != failure) {
            wrongOutcomes.add(k.keyId() + ": " + e);
          }
          failed.add(k.keyId());
        }
      }
    });

    assertThat(wrongOutcomes).isEmpty();
    assertThat(failed).hasSize(threads * perThread / 3);
    assertThat(allKeyIds(ACCOUNT, REGION)).containsExactlyInAnyOrderElementsOf(committed);
    read((Transaction tx) -> {
      failed.forEach(id -> assertThat(tx.tags().list(id, REGION)).isEmpty());
      committed.forEach(id -> assertThat(tx.tags().list(id, REGION)).hasSize(1));
      return null;
    });
  }

  @Test
  void concurrentInsertsOfOneKeyIdStoreExactlyOne() throws Exception {
    String keyId = newKeyId();
    AtomicInteger stored = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();

    runConcurrently(16, t -> {
      try {
        write(tx -> tx.keys().insert(withDescription(key(keyId), "thread " + t)));
        stored.incrementAndGet();
      } catch (DuplicateRecordException e) {
        duplicates.incrementAndGet();
      }
    });

    assertThat(stored).hasValue(1);
    assertThat(duplicates).hasValue(15);
  }

  @Test
  void concurrentOptimisticUpdatesNeverLoseAnIncrement() throws Exception {
    KeyRecord k = withDescription(key(newKeyId()), "0");
    write(tx -> tx.keys().insert(k));
    int threads = 8;
    int perThread = 20;

    runConcurrently(threads, t -> {
      for (int i = 0; i < perThread; i++) {
        while (true) {
          KeyRecord current = read((Transaction tx) -> tx.keys().find(k.keyId(), REGION)).orElseThrow();
          String next = Integer.toString(Integer.parseInt(current.description()) + 1);
          try {
            storage.write((Transaction tx) -> tx.keys().update(withDescription(current, next)));
            break;
          } catch (StaleRecordException e) {
            // another thread won this round: read again
          }
        }
      }
    });

    KeyRecord end = read((Transaction tx) -> tx.keys().find(k.keyId(), REGION)).orElseThrow();
    assertThat(end.description()).isEqualTo(Integer.toString(threads * perThread));
    assertThat(end.version()).isEqualTo(threads * perThread);
  }

  // Lifecycle

  @Test
  void aClosedStoreRefusesReadsAndWrites() {
    storage.close();

    assertThatThrownBy(() -> read((Transaction tx) -> tx.keys().find(newKeyId(), REGION))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> write(tx -> tx.keys().insert(key(newKeyId())))).isInstanceOf(StorageException.class);
    storage.close(); // closing again is harmless
  }

  @Test
  void everythingWrittenIsThereAfterReopening() {
    KeyRecord k = fullKey(newKeyId());
    KeyRecord plain = key(newKeyId());
    KeyMaterialRecord m = material(k.keyId(), 1, T0);
    AliasRecord a = alias("alias/payments", k.keyId());
    TagRecord t = new TagRecord(k.keyId(), REGION, "team", "payments");
    write(tx -> {
      tx.keys().insert(k);
      tx.keys().insert(plain);
      tx.keyMaterials().insert(m);
      tx.aliases().insert(a);
      tx.tags().put(t);
      tx.keyring().insert(term(1));
    });
    KeyRecord updated = storage.write((Transaction tx) -> tx.keys().update(withDescription(plain, "updated")));

    storage = reopen(storage);

    read((Transaction tx) -> {
      assertThat(tx.keys().find(k.keyId(), REGION)).contains(k);
      assertThat(tx.keys().find(plain.keyId(), REGION)).contains(updated);
      assertThat(tx.keyMaterials().list(k.keyId())).containsExactly(m);
      assertThat(tx.aliases().find(ACCOUNT, REGION, "alias/payments")).contains(a);
      assertThat(tx.tags().list(k.keyId(), REGION)).containsExactly(t);
      assertThat(tx.keyring().list()).containsExactly(term(1));
      return null;
    });
    KeyRecord again = storage.write((Transaction tx) -> tx.keys().update(updated));
    assertThat(again.version()).isEqualTo(2);
  }

  // Multi-Region keys (schema V10): copies share the key id, one per Region

  @Test
  void copiesOfAMultiRegionKeyShareTheKeyIdOnePerRegion() {
    String id = newMultiRegionKeyId();
    KeyRecord primary = multiRegionCopy(id, REGION, REGION);
    KeyRecord replica = multiRegionCopy(id, OTHER_REGION, REGION);
    write(tx -> {
      tx.keys().insert(primary);
      tx.keys().insert(replica);
    });

    assertThat(read((Transaction tx) -> tx.keys().find(id, REGION))).contains(primary);
    assertThat(read((Transaction tx) -> tx.keys().find(id, OTHER_REGION))).contains(replica);
    assertThat(read((Transaction tx) -> tx.keys().find(id, "ap-south-1"))).isEmpty();
    assertThat(read((Transaction tx) -> tx.keys().findCopies(id))).containsExactly(replica, primary);
    assertThat(read((Transaction tx) -> tx.keys().list(ACCOUNT, REGION, null, 10))).containsExactly(primary);
    assertThat(read((Transaction tx) -> tx.keys().list(ACCOUNT, OTHER_REGION, null, 10))).containsExactly(replica);
    assertThat(primary.isPrimary()).isTrue();
    assertThat(replica.isPrimary()).isFalse();
    assertThatThrownBy(() -> write(tx -> tx.keys().insert(multiRegionCopy(id, OTHER_REGION, REGION))))
        .isInstanceOf(DuplicateRecordException.class);
  }

  @Test
  void updatingOneCopyLeavesTheOtherAsItIs() {
    String id = newMultiRegionKeyId();
    write(tx -> {
      tx.keys().insert(multiRegionCopy(id, REGION, REGION));
      tx.keys().insert(multiRegionCopy(id, OTHER_REGION, REGION));
    });

    KeyRecord promoted = storage.write((Transaction tx) -> {
      tx.keys().update(tx.keys().find(id, REGION).orElseThrow().withPrimaryRegion(OTHER_REGION));
      return tx.keys().update(tx.keys().find(id, OTHER_REGION).orElseThrow().withPrimaryRegion(OTHER_REGION));
    });
    KeyRecord described = storage.write((Transaction tx) ->
        tx.keys().update(withDescription(tx.keys().find(id, REGION).orElseThrow(), "only here")));

    assertThat(promoted.isPrimary()).isTrue();
    assertThat(read((Transaction tx) -> tx.keys().find(id, OTHER_REGION))).contains(promoted);
    assertThat(read((Transaction tx) -> tx.keys().find(id, REGION))).contains(described);
    assertThat(described.primaryRegion()).isEqualTo(OTHER_REGION);
    assertThat(described.isPrimary()).isFalse();
    assertThat(promoted.description()).isEqualTo("copy in " + OTHER_REGION);
  }

  @Test
  void tagsGrantsAndAliasesBelongToOneCopy() {
    String id = newMultiRegionKeyId();
    write(tx -> {
      tx.keys().insert(multiRegionCopy(id, REGION, REGION));
      tx.keys().insert(multiRegionCopy(id, OTHER_REGION, REGION));
      tx.tags().put(new TagRecord(id, REGION, "team", "payments"));
      tx.tags().put(new TagRecord(id, OTHER_REGION, "team", "risk"));
      tx.grants().insert(grant(grantId(1), id, "arn:aws:iam::" + ACCOUNT + ":role/r"));
      tx.aliases().insert(alias(ACCOUNT, OTHER_REGION, "alias/replica", id));
    });

    read((Transaction tx) -> {
      assertThat(tx.tags().list(id, REGION)).containsExactly(new TagRecord(id, REGION, "team", "payments"));
      assertThat(tx.tags().list(id, OTHER_REGION)).containsExactly(new TagRecord(id, OTHER_REGION, "team", "risk"));
      assertThat(tx.grants().listByKey(id, REGION, null, 10)).hasSize(1);
      assertThat(tx.grants().listByKey(id, OTHER_REGION, null, 10)).isEmpty();
      assertThat(tx.aliases().list(ACCOUNT, OTHER_REGION, id, null, 10)).hasSize(1);
      assertThat(tx.aliases().list(ACCOUNT, REGION, id, null, 10)).isEmpty();
      return null;
    });
    assertThat(storage.write((Transaction tx) -> tx.tags().remove(id, OTHER_REGION, "team"))).isTrue();
    assertThat(read((Transaction tx) -> tx.tags().list(id, REGION))).hasSize(1);
    assertThatThrownBy(() -> write(tx -> tx.tags().put(new TagRecord(id, "ap-south-1", "team", "x"))))
        .isInstanceOf(StorageException.class).isNotInstanceOf(DuplicateRecordException.class);
  }

  @Test
  void deletingACopyKeepsTheSharedMaterialAndRotationsUntilTheLastCopyGoes() {
    String id = newMultiRegionKeyId();
    write(tx -> {
      tx.keys().insert(multiRegionCopy(id, REGION, REGION));
      tx.keys().insert(multiRegionCopy(id, OTHER_REGION, REGION));
      tx.keyMaterials().insert(material(id, 1, T0));
      tx.rotations().insert(new KeyRotationRecord(id, true, 90, T0, 0, 0));
      tx.tags().put(new TagRecord(id, OTHER_REGION, "team", "risk"));
      tx.aliases().insert(alias(ACCOUNT, OTHER_REGION, "alias/replica", id));
    });

    write(tx -> assertThat(tx.keys().delete(id, OTHER_REGION)).isTrue());
    read((Transaction tx) -> {
      assertThat(tx.keys().findCopies(id)).extracting(KeyRecord::region).containsExactly(REGION);
      assertThat(tx.keyMaterials().list(id)).hasSize(1);
      assertThat(tx.rotations().find(id)).isPresent();
      assertThat(tx.tags().list(id, OTHER_REGION)).isEmpty();
      assertThat(tx.aliases().find(ACCOUNT, OTHER_REGION, "alias/replica")).isEmpty();
      return null;
    });
    write(tx -> assertThat(tx.keys().delete(id, REGION)).isTrue());
    read((Transaction tx) -> {
      assertThat(tx.keys().findCopies(id)).isEmpty();
      assertThat(tx.keyMaterials().list(id)).isEmpty();
      assertThat(tx.rotations().find(id)).isEmpty();
      return null;
    });
  }

  @Test
  void listAllPagesByKeyIdThenRegion() {
    String id = newMultiRegionKeyId();
    write(tx -> {
      for (String region : List.of("us-west-2", REGION, OTHER_REGION)) {
        tx.keys().insert(multiRegionCopy(id, region, REGION));
      }
    });

    List<KeyRecord> first = read((Transaction tx) -> tx.keys().listAll(null, null, 2));
    List<KeyRecord> rest = read((Transaction tx) ->
        tx.keys().listAll(first.get(1).keyId(), first.get(1).region(), 2));
    List<KeyRecord> afterEveryCopy = read((Transaction tx) -> tx.keys().listAll(id, null, 2));

    assertThat(first).extracting(KeyRecord::region).containsExactly(OTHER_REGION, REGION);
    assertThat(rest).extracting(KeyRecord::region).containsExactly("us-west-2");
    assertThat(afterEveryCopy).isEmpty();
  }

  // Helpers

  /** Runs work that returns nothing in one write. */
  protected void write(Consumer<Transaction> work) {
    storage.write((Transaction tx) -> {
      work.accept(tx);
      return null;
    });
  }

  protected <T> T read(Function<Transaction, T> work) {
    return storage.read(work::apply);
  }

  private String insertKey() {
    return insertKey(ACCOUNT, REGION);
  }

  private String insertKey(String account, String region) {
    KeyRecord k = key(newKeyId(), account, region);
    write(tx -> tx.keys().insert(k));
    return k.keyId();
  }

  private static String insertKeyIn(Transaction tx) {
    KeyRecord k = key(newKeyId());
    tx.keys().insert(k);
    return k.keyId();
  }

  /** Inserts {@code n} keys and returns their ids in list order. */
  private List<String> insertKeys(int n, String account, String region) {
    List<String> ids = IntStream.range(0, n).mapToObj(i -> newKeyId()).sorted().collect(Collectors.toList());
    List<String> shuffled = new ArrayList<>(ids);
    Collections.shuffle(shuffled);
    write(tx -> shuffled.forEach(id -> tx.keys().insert(key(id, account, region))));
    return ids;
  }

  private List<String> allKeyIds(String account, String region) {
    List<String> ids = new ArrayList<>();
    String after = null;
    while (true) {
      String from = after;
      List<KeyRecord> page = read((Transaction tx) -> tx.keys().list(account, region, from, 500));
      if (page.isEmpty()) {
        return ids;
      }
      page.forEach(k -> ids.add(k.keyId()));
      after = page.get(page.size() - 1).keyId();
    }
  }

  private static List<String> keyIds(List<KeyRecord> keys) {
    return keys.stream().map(KeyRecord::keyId).collect(Collectors.toList());
  }

  private static List<String> aliasNames(List<AliasRecord> aliases) {
    return aliases.stream().map(AliasRecord::aliasName).collect(Collectors.toList());
  }

  // Rotation settings and history (schema V3)

  @Test
  void rotationSettingsReadBackAndUpdatesIncrementTheVersion() {
    String id = newKeyId();
    KeyRotationRecord enabled = new KeyRotationRecord(id, true, 365, T0.plusSeconds(86_400), 2, 0);
    write(tx -> {
      tx.keys().insert(key(id));
      tx.rotations().insert(enabled);
    });
    assertThat(read((Transaction tx) -> tx.rotations().find(id))).contains(enabled);

    KeyRotationRecord off = new KeyRotationRecord(id, false, 90, null, 3, 0);
    KeyRotationRecord stored = storage.write(tx -> tx.rotations().update(off));
    assertThat(stored).isEqualTo(new KeyRotationRecord(id, false, 90, null, 3, 1));
    assertThat(read((Transaction tx) -> tx.rotations().find(id))).contains(stored);
    assertThat(read((Transaction tx) -> tx.rotations().find(newKeyId()))).isEmpty();
  }

  @Test
  void rotationSettingsAreInsertedOnceAndUpdatedOnlyAtTheirVersion() {
    String id = newKeyId();
    KeyRotationRecord r = new KeyRotationRecord(id, true, 90, T0, 0, 0);
    write(tx -> {
      tx.keys().insert(key(id));
      tx.rotations().insert(r);
    });
    assertThatThrownBy(() -> write(tx -> tx.rotations().insert(r))).isInstanceOf(DuplicateRecordException.class);
    write(tx -> tx.rotations().update(r));
    assertThatThrownBy(() -> write(tx -> tx.rotations().update(r))).isInstanceOf(StaleRecordException.class);
    assertThatThrownBy(() -> write(tx -> tx.rotations().update(new KeyRotationRecord(newKeyId(), true, 90, T0, 0, 0))))
        .isInstanceOf(StaleRecordException.class);
    assertThat(read((Transaction tx) -> tx.rotations().find(id)).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void listDueFindsEnabledRotationsDueAtOrBeforeTheInstantInOrder() {
    String late = newKeyId();
    String early = newKeyId();
    String future = newKeyId();
    String off = newKeyId();
    write(tx -> {
      for (String id : List.of(late, early, future, off)) {
        tx.keys().insert(key(id));
      }
      tx.rotations().insert(new KeyRotationRecord(late, true, 90, T0, 0, 0));
      tx.rotations().insert(new KeyRotationRecord(early, true, 90, T0.minusSeconds(5), 0, 0));
      tx.rotations().insert(new KeyRotationRecord(future, true, 90, T0.plusMillis(1), 0, 0));
      tx.rotations().insert(new KeyRotationRecord(off, false, 90, null, 1, 0));
    });

    assertThat(read((Transaction tx) -> tx.rotations().listDue(T0, 10)))
        .extracting(KeyRotationRecord::keyId).containsExactly(early, late);
    assertThat(read((Transaction tx) -> tx.rotations().listDue(T0, 1)))
        .extracting(KeyRotationRecord::keyId).containsExactly(early);
    assertThat(read((Transaction tx) -> tx.rotations().listDue(T0, 0))).isEmpty();
  }

  @Test
  void completedRotationsAreListedOldestFirstAndOnlyOnce() {
    String id = newKeyId();
    String other = newKeyId();
    KeyMaterialRotationRecord second = new KeyMaterialRotationRecord(id, ContractRecords.materialId(2), "ON_DEMAND",
        T0.plusSeconds(60));
    KeyMaterialRotationRecord first = new KeyMaterialRotationRecord(id, ContractRecords.materialId(1), "AUTOMATIC", T0);
    write(tx -> {
      tx.keys().insert(key(id));
      tx.keys().insert(key(other));
      tx.rotations().addRotation(second);
      tx.rotations().addRotation(first);
    });

    assertThat(read((Transaction tx) -> tx.rotations().listRotations(id))).containsExactly(first, second);
    assertThat(read((Transaction tx) -> tx.rotations().listRotations(other))).isEmpty();
    assertThatThrownBy(() -> write(tx -> tx.rotations().addRotation(first)))
        .isInstanceOf(DuplicateRecordException.class);
  }

  // Key usage (schema V4)

  @Test
  void theLaterUseOfAKeyIsKeptWhateverTheOrderOfWrites() {
    String id = newKeyId();
    KeyUsageRecord earlier = new KeyUsageRecord(id, "Encrypt", T0, "req-1");
    KeyUsageRecord later = new KeyUsageRecord(id, "Decrypt", T0.plusMillis(1), "req-2");
    write(tx -> tx.keys().insert(key(id)));
    assertThat(read((Transaction tx) -> tx.keyUsage().find(id))).isEmpty();

    write(tx -> tx.keyUsage().recordIfLater(later));
    write(tx -> tx.keyUsage().recordIfLater(earlier));
    assertThat(read((Transaction tx) -> tx.keyUsage().find(id))).contains(later);

    KeyUsageRecord latest = new KeyUsageRecord(id, "GenerateDataKey", T0.plusSeconds(1), "req-3");
    write(tx -> tx.keyUsage().recordIfLater(latest));
    assertThat(read((Transaction tx) -> tx.keyUsage().find(id))).contains(latest);
  }

  @Test
  void aUseOfAKeyThatIsNotStoredIsIgnored() {
    String missing = newKeyId();
    write(tx -> tx.keyUsage().recordIfLater(new KeyUsageRecord(missing, "Encrypt", T0, "req")));
    assertThat(read((Transaction tx) -> tx.keyUsage().find(missing))).isEmpty();
  }

  @Test
  void trackingStartIsTheFirstInstantEverStored() {
    Instant first = storage.write(tx -> tx.keyUsage().trackingStart(T0));
    Instant second = storage.write(tx -> tx.keyUsage().trackingStart(T0.plusSeconds(9)));
    assertThat(first).isEqualTo(T0);
    assertThat(second).isEqualTo(T0);
  }

  @Test
  void deletingAKeyRemovesItsRotationsAndUsage() {
    String doomed = newKeyId();
    String kept = newKeyId();
    for (String id : List.of(doomed, kept)) {
      write(tx -> {
        tx.keys().insert(key(id));
        tx.rotations().insert(new KeyRotationRecord(id, true, 90, T0, 1, 0));
        tx.rotations().addRotation(new KeyMaterialRotationRecord(id, ContractRecords.materialId(1), "ON_DEMAND", T0));
        tx.keyUsage().recordIfLater(new KeyUsageRecord(id, "Encrypt", T0, "req"));
      });
    }

    write(tx -> assertThat(tx.keys().delete(doomed, REGION)).isTrue());

    read((Transaction tx) -> {
      assertThat(tx.rotations().find(doomed)).isEmpty();
      assertThat(tx.rotations().listRotations(doomed)).isEmpty();
      assertThat(tx.keyUsage().find(doomed)).isEmpty();
      assertThat(tx.rotations().find(kept)).isPresent();
      assertThat(tx.rotations().listRotations(kept)).hasSize(1);
      assertThat(tx.keyUsage().find(kept)).isPresent();
      return null;
    });
  }

  @Test
  void rotationRecordsNamingAKeyThatIsNotStoredAreRefused() {
    String missing = newKeyId();
    Throwable settings = catchThrowable(() -> write(tx -> tx.rotations().insert(
        new KeyRotationRecord(missing, true, 90, T0, 0, 0))));
    Throwable history = catchThrowable(() -> write(tx -> tx.rotations().addRotation(
        new KeyMaterialRotationRecord(missing, ContractRecords.materialId(1), "ON_DEMAND", T0))));
    for (Throwable t : List.of(settings, history)) {
      assertThat(t).isInstanceOf(StorageException.class).isNotInstanceOf(DuplicateRecordException.class);
    }
  }

  // Custom key stores (schema V6)

  @Test
  void customKeyStoresReadBackEqualWithEveryFieldOfTheirType() {
    CustomKeyStoreRecord xks = ContractRecords.xksStore(ContractRecords.storeId(1), ACCOUNT, "external");
    CustomKeyStoreRecord hsm = ContractRecords.cloudHsmStore(ContractRecords.storeId(2), "hsm");
    write(tx -> {
      tx.customKeyStores().insert(xks);
      tx.customKeyStores().insert(hsm);
    });

    assertThat(read((Transaction tx) -> tx.customKeyStores().find(xks.customKeyStoreId()))).contains(xks);
    assertThat(read((Transaction tx) -> tx.customKeyStores().find(hsm.customKeyStoreId()))).contains(hsm);
    assertThat(read((Transaction tx) -> tx.customKeyStores().find(ContractRecords.storeId(3)))).isEmpty();
  }

  @Test
  void aCustomKeyStoreIdOrANameTakenInTheAccountAndRegionIsADuplicate() {
    CustomKeyStoreRecord first = ContractRecords.xksStore(ContractRecords.storeId(1), ACCOUNT, "name");
    write(tx -> tx.customKeyStores().insert(first));

    assertThatThrownBy(() -> write(tx -> tx.customKeyStores().insert(
        ContractRecords.xksStore(ContractRecords.storeId(1), ACCOUNT, "other")))).isInstanceOf(DuplicateRecordException.class);
    assertThatThrownBy(() -> write(tx -> tx.customKeyStores().insert(
        ContractRecords.xksStore(ContractRecords.storeId(2), ACCOUNT, "name")))).isInstanceOf(DuplicateRecordException.class);
    write(tx -> tx.customKeyStores().insert(ContractRecords.xksStore(ContractRecords.storeId(3), OTHER_ACCOUNT, "name")));

    assertThat(read((Transaction tx) -> tx.customKeyStores().listAll(null, 10)))
        .extracting(CustomKeyStoreRecord::customKeyStoreId)
        .containsExactly(ContractRecords.storeId(1), ContractRecords.storeId(3));
  }

  @Test
  void updatingACustomKeyStoreChecksItsVersionAndItsName() {
    CustomKeyStoreRecord a = ContractRecords.xksStore(ContractRecords.storeId(1), ACCOUNT, "a");
    CustomKeyStoreRecord b = ContractRecords.cloudHsmStore(ContractRecords.storeId(2), "b");
    write(tx -> {
      tx.customKeyStores().insert(a);
      tx.customKeyStores().insert(b);
    });

    CustomKeyStoreRecord connected = ContractRecords.withConnection(a, "CONNECTED", null);
    CustomKeyStoreRecord stored = storage.write(tx -> tx.customKeyStores().update(connected));
    assertThat(stored.version()).isEqualTo(1);
    assertThat(read((Transaction tx) -> tx.customKeyStores().find(a.customKeyStoreId()))).contains(stored);
    assertThatThrownBy(() -> write(tx -> tx.customKeyStores().update(connected)))
        .isInstanceOf(StaleRecordException.class);
    CustomKeyStoreRecord renamed = ContractRecords.withName(b, "a");
    assertThatThrownBy(() -> write(tx -> tx.customKeyStores().update(renamed)))
        .isInstanceOf(DuplicateRecordException.class);
    assertThat(read((Transaction tx) -> tx.customKeyStores().find(b.customKeyStoreId()))).contains(b);
  }

  @Test
  void customKeyStoresListByAccountAndRegionInPagesAndDelete() {
    for (int i = 5; i >= 1; i--) {
      CustomKeyStoreRecord s = ContractRecords.xksStore(ContractRecords.storeId(i), i == 3 ? OTHER_ACCOUNT : ACCOUNT,
          "store " + i);
      write(tx -> tx.customKeyStores().insert(s));
    }

    assertThat(read((Transaction tx) -> tx.customKeyStores().list(ACCOUNT, REGION, null, 2)))
        .extracting(CustomKeyStoreRecord::customKeyStoreId)
        .containsExactly(ContractRecords.storeId(1), ContractRecords.storeId(2));
    assertThat(read((Transaction tx) -> tx.customKeyStores().list(ACCOUNT, REGION, ContractRecords.storeId(2), 10)))
        .extracting(CustomKeyStoreRecord::customKeyStoreId)
        .containsExactly(ContractRecords.storeId(4), ContractRecords.storeId(5));
    assertThat(read((Transaction tx) -> tx.customKeyStores().list(ACCOUNT, OTHER_REGION, null, 10))).isEmpty();
    boolean deleted = storage.write(tx -> tx.customKeyStores().delete(ContractRecords.storeId(4)));
    boolean deletedAgain = storage.write(tx -> tx.customKeyStores().delete(ContractRecords.storeId(4)));
    assertThat(deleted).isTrue();
    assertThat(deletedAgain).isFalse();
    assertThat(read((Transaction tx) -> tx.customKeyStores().listAll(ContractRecords.storeId(2), 10)))
        .extracting(CustomKeyStoreRecord::customKeyStoreId)
        .containsExactly(ContractRecords.storeId(3), ContractRecords.storeId(5));
  }

  @Test
  void keysInACustomKeyStoreKeepTheirStoreAndExternalKeyAndAreCounted() {
    String store = ContractRecords.storeId(1);
    write(tx -> tx.customKeyStores().insert(ContractRecords.xksStore(store, ACCOUNT, "x")));
    KeyRecord k = ContractRecords.xksKey(newKeyId(), store, "external-key-1");
    write(tx -> {
      tx.keys().insert(k);
      tx.keys().insert(key(newKeyId()));
    });

    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(k);
    KeyRecord disabled = storage.write(tx -> tx.keys().update(withState(k, "Disabled", null, null)));
    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION)).orElseThrow()).isEqualTo(disabled);
    assertThat(disabled.customKeyStoreId()).isEqualTo(store);
    assertThat(disabled.xksKeyId()).isEqualTo("external-key-1");
    assertThat(read((Transaction tx) -> tx.customKeyStores().countKeys(store))).isEqualTo(1);
    assertThat(read((Transaction tx) -> tx.customKeyStores().findKeyByXksKeyId(store, "external-key-1")))
        .contains(k.keyId());
    assertThat(read((Transaction tx) -> tx.customKeyStores().findKeyByXksKeyId(store, "external-key-2"))).isEmpty();
    write(tx -> tx.keys().delete(k.keyId(), REGION));
    assertThat(read((Transaction tx) -> tx.customKeyStores().countKeys(store))).isZero();
  }

  @Test
  void customKeyStoresSurviveReopening() {
    CustomKeyStoreRecord s = ContractRecords.cloudHsmStore(ContractRecords.storeId(9), "persisted");
    KeyRecord k = ContractRecords.xksKey(newKeyId(), s.customKeyStoreId(), "ext");
    write(tx -> {
      tx.customKeyStores().insert(s);
      tx.keys().insert(k);
    });
    storage = reopen(storage);

    assertThat(read((Transaction tx) -> tx.customKeyStores().find(s.customKeyStoreId()))).contains(s);
    assertThat(read((Transaction tx) -> tx.keys().find(k.keyId(), REGION))).contains(k);
  }

  // Import parameters and imported key material (schema V5)

  private static ImportParametersRecord parameters(String parametersId, String keyId, Instant validTo) {
    return new ImportParametersRecord(parametersId, keyId, "RSAES_OAEP_SHA_256", "RSA_2048", new byte[] {1, 2, 3},
        "ab".repeat(32), validTo, T0);
  }

  private static ImportedMaterialRecord imported(String keyId, int n, Instant validTo) {
    return new ImportedMaterialRecord(keyId, ContractRecords.materialId(n), "IMPORTED",
        validTo == null ? "KEY_MATERIAL_DOES_NOT_EXPIRE" : "KEY_MATERIAL_EXPIRES", validTo,
        n == 1 ? null : "material " + n, new byte[] {(byte) n, 9}, n > 1, T0, 0);
  }

  @Test
  void importParametersReadBackListByKeyAndExpire() {
    String id = newKeyId();
    String other = newKeyId();
    ImportParametersRecord early = parameters("0".repeat(31) + "1", id, T0);
    ImportParametersRecord late = parameters("0".repeat(31) + "2", id, T0.plusSeconds(60));
    ImportParametersRecord others = parameters("0".repeat(31) + "3", other, T0.plusSeconds(1));
    write(tx -> {
      tx.keys().insert(key(id));
      tx.keys().insert(key(other));
      tx.imports().insertParameters(late);
      tx.imports().insertParameters(early);
      tx.imports().insertParameters(others);
    });
    assertThat(read((Transaction tx) -> tx.imports().findParameters(early.parametersId()))).contains(early);
    assertThat(read((Transaction tx) -> tx.imports().findParameters("f".repeat(32)))).isEmpty();
    assertThat(read((Transaction tx) -> tx.imports().listParameters(id))).containsExactly(early, late);
    assertThatThrownBy(() -> write(tx -> tx.imports().insertParameters(early)))
        .isInstanceOf(DuplicateRecordException.class);

    int deleted = storage.write(tx -> tx.imports().deleteParametersExpiredBefore(T0.plusSeconds(1)));
    assertThat(deleted).isEqualTo(1);
    assertThat(read((Transaction tx) -> tx.imports().listParameters(id))).containsExactly(late);
    assertThat(read((Transaction tx) -> tx.imports().listParameters(other))).containsExactly(others);
  }

  @Test
  void theWrappedPrivateKeyOfImportParametersIsReplacedOnlyWhereItIsStillTheExpectedOne() {
    String id = newKeyId();
    ImportParametersRecord p = parameters("0".repeat(31) + "4", id, T0);
    write(tx -> {
      tx.keys().insert(key(id));
      tx.imports().insertParameters(p);
    });
    byte[] rewrapped = {9, 8, 7, 6};

    boolean stale = storage.write(tx -> tx.imports().replaceWrappedPrivateKey(p.parametersId(), new byte[] {0}, rewrapped));
    boolean missing = storage.write(tx -> tx.imports().replaceWrappedPrivateKey("f".repeat(32), p.wrappedPrivateKey(),
        rewrapped));
    assertThat(stale).isFalse();
    assertThat(missing).isFalse();
    assertThat(read((Transaction tx) -> tx.imports().findParameters(p.parametersId()))).contains(p);

    boolean replaced = storage.write(tx -> tx.imports().replaceWrappedPrivateKey(p.parametersId(),
        p.wrappedPrivateKey(), rewrapped));
    assertThat(replaced).isTrue();
    assertThat(read((Transaction tx) -> tx.imports().findParameters(p.parametersId())))
        .hasValueSatisfying(r -> assertThat(r.wrappedPrivateKey()).isEqualTo(rewrapped));
  }

  @Test
  void importedMaterialReadsBackInImportOrderAndUpdatesOnlyAtItsVersion() {
    String id = newKeyId();
    ImportedMaterialRecord first = imported(id, 1, null);
    ImportedMaterialRecord second = imported(id, 2, T0.plusSeconds(5));
    write(tx -> {
      tx.keys().insert(key(id));
      tx.imports().insertMaterial(first);
      tx.imports().insertMaterial(second);
    });
    assertThat(read((Transaction tx) -> tx.imports().listMaterials(id))).containsExactly(first, second);
    assertThat(read((Transaction tx) -> tx.imports().findMaterial(id, first.materialId()))).contains(first);
    assertThatThrownBy(() -> write(tx -> tx.imports().insertMaterial(first)))
        .isInstanceOf(DuplicateRecordException.class);

    ImportedMaterialRecord deleted = new ImportedMaterialRecord(id, second.materialId(), "PENDING_IMPORT",
        second.expirationModel(), null, second.description(), second.wrappedDigest(), false, T0.plusSeconds(1), 0);
    ImportedMaterialRecord stored = storage.write(tx -> tx.imports().updateMaterial(deleted));
    assertThat(stored.version()).isEqualTo(1);
    assertThat(read((Transaction tx) -> tx.imports().findMaterial(id, second.materialId()))).contains(stored);
    assertThatThrownBy(() -> write(tx -> tx.imports().updateMaterial(deleted)))
        .isInstanceOf(StaleRecordException.class);
  }

  @Test
  void listExpiringFindsImportedMaterialDueAtOrBeforeTheInstantInOrder() {
    String a = newKeyId();
    String b = newKeyId();
    write(tx -> {
      tx.keys().insert(key(a));
      tx.keys().insert(key(b));
      tx.imports().insertMaterial(imported(a, 1, T0));
      tx.imports().insertMaterial(imported(a, 2, null));
      tx.imports().insertMaterial(imported(b, 3, T0.minusSeconds(1)));
      tx.imports().insertMaterial(imported(b, 4, T0.plusMillis(1)));
    });
    assertThat(read((Transaction tx) -> tx.imports().listExpiring(T0, 10)))
        .extracting(ImportedMaterialRecord::materialId)
        .containsExactly(ContractRecords.materialId(3), ContractRecords.materialId(1));
    assertThat(read((Transaction tx) -> tx.imports().listExpiring(T0, 1))).hasSize(1);
    ImportedMaterialRecord expired = read((Transaction tx) -> tx.imports().findMaterial(b, ContractRecords.materialId(3)))
        .orElseThrow();
    write(tx -> tx.imports().updateMaterial(new ImportedMaterialRecord(b, expired.materialId(), "PENDING_IMPORT",
        expired.expirationModel(), expired.validTo(), null, expired.wrappedDigest(), false, T0, expired.version())));
    assertThat(read((Transaction tx) -> tx.imports().listExpiring(T0, 10)))
        .extracting(ImportedMaterialRecord::materialId).containsExactly(ContractRecords.materialId(1));
  }

  @Test
  void keyMaterialIsDeletedOneVersionAtATime() {
    String id = newKeyId();
    write(tx -> {
      tx.keys().insert(key(id));
      tx.keyMaterials().insert(material(id, 1, T0));
      tx.keyMaterials().insert(material(id, 2, T0.plusSeconds(1)));
    });
    boolean first = storage.write(tx -> tx.keyMaterials().delete(id, ContractRecords.materialId(1)));
    boolean again = storage.write(tx -> tx.keyMaterials().delete(id, ContractRecords.materialId(1)));
    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(read((Transaction tx) -> tx.keyMaterials().list(id)))
        .extracting(KeyMaterialRecord::materialId).containsExactly(ContractRecords.materialId(2));
    write(tx -> tx.keyMaterials().insert(material(id, 1, T0)));
    assertThat(read((Transaction tx) -> tx.keyMaterials().find(id, ContractRecords.materialId(1)))).isPresent();
  }

  @Test
  void deletingAKeyRemovesItsImportParametersAndImportedMaterial() {
    String doomed = newKeyId();
    String kept = newKeyId();
    int n = 0;
    for (String id : List.of(doomed, kept)) {
      n++;
      String parametersId = Integer.toString(n).repeat(32);
      write(tx -> {
        tx.keys().insert(key(id));
        tx.imports().insertParameters(parameters(parametersId, id, T0));
        tx.imports().insertMaterial(imported(id, 1, T0));
      });
    }
    write(tx -> assertThat(tx.keys().delete(doomed, REGION)).isTrue());
    read((Transaction tx) -> {
      assertThat(tx.imports().listParameters(doomed)).isEmpty();
      assertThat(tx.imports().listMaterials(doomed)).isEmpty();
      assertThat(tx.imports().listParameters(kept)).hasSize(1);
      assertThat(tx.imports().listMaterials(kept)).hasSize(1);
      return null;
    });
  }

  @Test
  void importRecordsNamingAKeyThatIsNotStoredAreRefused() {
    String missing = newKeyId();
    Throwable params = catchThrowable(() -> write(tx -> tx.imports().insertParameters(
        parameters("9".repeat(32), missing, T0))));
    Throwable material = catchThrowable(() -> write(tx -> tx.imports().insertMaterial(imported(missing, 1, T0))));
    for (Throwable t : List.of(params, material)) {
      assertThat(t).isInstanceOf(StorageException.class).isNotInstanceOf(DuplicateRecordException.class);
    }
  }

  /** What one thread of {@link #runConcurrently} does, given its index. */
  protected interface ThreadWork {
    void run(int thread) throws Exception;
  }

  /** Starts {@code threads} threads together and waits (bounded) until every one has finished. */
  protected static void runConcurrently(int threads, ThreadWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int index = t;
        futures.add(pool.submit(() -> {
          start.await();
          work.run(index);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
