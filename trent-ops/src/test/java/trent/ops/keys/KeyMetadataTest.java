package trent.ops.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import trent.domain.key.KmsKey;
import trent.ops.keys.KeyMetadata.MultiRegionKey;
import trent.storage.KeyRecord;

/** The MultiRegionConfiguration each copy of a multi-Region key reports. */
class KeyMetadataTest {

  static final String ID = "mrk-0123456789abcdef0123456789abcdef";

  static KmsKey copy(String region, String primaryRegion) {
    return new KmsKey(new KeyRecord(ID, "111122223333", region, "", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "AWS_KMS",
        "Enabled", Instant.EPOCH, null, null, true, "{}", null, 0, null, null, primaryRegion));
  }

  static MultiRegionKey key(String region) {
    return new MultiRegionKey("arn:aws:kms:" + region + ":111122223333:key/" + ID, region);
  }

  @Test
  void theSameCopiesAreListedByEveryCopyEachNamingItsOwnType() {
    List<KmsKey> copies = List.of(copy("eu-west-1", "us-east-1"), copy("us-east-1", "us-east-1"),
        copy("us-west-2", "us-east-1"));

    KeyMetadata primary = KeyMetadata.of(copies.get(1), copies);
    KeyMetadata replica = KeyMetadata.of(copies.get(2), copies);

    assertThat(primary.multiRegion()).isTrue();
    assertThat(primary.multiRegionConfiguration().multiRegionKeyType()).isEqualTo("PRIMARY");
    assertThat(primary.multiRegionConfiguration().primaryKey()).isEqualTo(key("us-east-1"));
    assertThat(primary.multiRegionConfiguration().replicaKeys()).containsExactly(key("eu-west-1"), key("us-west-2"));
    assertThat(replica.multiRegionConfiguration().multiRegionKeyType()).isEqualTo("REPLICA");
    assertThat(replica.multiRegionConfiguration().primaryKey()).isEqualTo(key("us-east-1"));
    assertThat(replica.multiRegionConfiguration().replicaKeys())
        .isEqualTo(primary.multiRegionConfiguration().replicaKeys());
  }

  @Test
  void aNewPrimaryHasNoReplicasAndASingleRegionKeyNoConfiguration() {
    KeyMetadata alone = KeyMetadata.of(copy("us-east-1", "us-east-1"));
    KeyMetadata single = KeyMetadata.of(new KmsKey(new KeyRecord("1234abcd-12ab-34cd-56ef-1234567890ab",
        "111122223333", "us-east-1", "", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "AWS_KMS", "Enabled", Instant.EPOCH,
        null, null, false, "{}", null, 0)));

    assertThat(alone.multiRegionConfiguration().replicaKeys()).isEmpty();
    assertThat(single.multiRegion()).isFalse();
    assertThat(single.multiRegionConfiguration()).isNull();
  }
}
