package trent.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import trent.domain.error.KMSInvalidStateException;
import trent.storage.KeyRecord;

/** The key-state rules of a multi-Region key's copies. */
class KmsKeyMultiRegionTest {

  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  static KmsKey copy(String region, String primaryRegion) {
    return new KmsKey(new KeyRecord("mrk-0123456789abcdef0123456789abcdef", "111122223333", region, "",
        "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "AWS_KMS", "Enabled", NOW, null, null, true, "{}", "m1", 0, null, null,
        primaryRegion));
  }

  @Test
  void aPrimaryWithReplicasWaitsWithoutADeletionDateThenCountsItsOwnWindow() {
    KmsKey primary = copy("us-east-1", "us-east-1");

    KmsKey waiting = new KmsKey(primary.scheduleDeletion(NOW, 9, true));
    assertThat(waiting.state()).isEqualTo(KeyState.PendingReplicaDeletion);
    assertThat(waiting.deletionDate()).isEmpty();
    assertThat(waiting.pendingWindowInDays()).contains(9);
    assertThat(waiting.isPendingDeletion()).isTrue();
    assertThatThrownBy(() -> waiting.scheduleDeletion(NOW, 7, true)).isInstanceOf(KMSInvalidStateException.class)
        .hasMessage(primary.arn() + " is pending replica deletion.");

    Instant later = NOW.plus(Duration.ofDays(3));
    KmsKey counting = new KmsKey(waiting.replicasGone(later));
    assertThat(counting.state()).isEqualTo(KeyState.PendingDeletion);
    assertThat(counting.deletionDate()).contains(later.plus(Duration.ofDays(9)));
    assertThat(new KmsKey(waiting.cancelDeletion()).state()).isEqualTo(KeyState.Disabled);
  }

  @Test
  void aReplicaOrAPrimaryWithoutReplicasStartsItsWindowAtOnce() {
    KmsKey replica = copy("us-west-2", "us-east-1");

    KmsKey scheduled = new KmsKey(replica.scheduleDeletion(NOW, 7, false));

    assertThat(replica.isReplica()).isTrue();
    assertThat(replica.isPrimary()).isFalse();
    assertThat(scheduled.state()).isEqualTo(KeyState.PendingDeletion);
    assertThat(scheduled.deletionDate()).contains(NOW.plus(Duration.ofDays(7)));
    assertThatThrownBy(() -> scheduled.replicasGone(NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyChangeKeepsTheCopysViewOfItsPrimary() {
    KmsKey replica = copy("us-west-2", "us-east-1");

    assertThat(replica.disable().primaryRegion()).isEqualTo("us-east-1");
    assertThat(replica.withPolicy("{\"v\":1}").primaryRegion()).isEqualTo("us-east-1");
    assertThat(replica.withCurrentMaterial("m2").primaryRegion()).isEqualTo("us-east-1");
    assertThat(replica.describe("d").primaryRegion()).isEqualTo("us-east-1");
    assertThat(new KmsKey(replica.withPrimaryRegion("us-west-2")).isPrimary()).isTrue();
  }
}
