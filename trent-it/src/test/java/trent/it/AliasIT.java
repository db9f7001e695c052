package trent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** Aliases through the real AWS SDK for Java v2. */
class AliasIT {

  static RunningTrent trent;
  static KmsClient kms;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode();
    kms = trent.client();
  }

  @AfterAll
  static void stop() throws Exception {
    kms.close();
    trent.close();
  }

  static String aliasArn(String name) {
    return "arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":" + name;
  }

  static String message(Throwable e) {
    return ((KmsException) e).awsErrorDetails().errorMessage();
  }

  @Test
  void anAliasNamesItsKeyInEveryKeyIdForm() {
    String keyId = kms.createKey(r -> r.description("aliased")).keyMetadata().keyId();
    kms.createAlias(r -> r.aliasName("alias/every-form").targetKeyId(keyId));
    assertThat(kms.describeKey(r -> r.keyId("alias/every-form")).keyMetadata().keyId()).isEqualTo(keyId);
    assertThat(kms.describeKey(r -> r.keyId(aliasArn("alias/every-form"))).keyMetadata().keyId()).isEqualTo(keyId);

    List<AliasListEntry> listed = kms.listAliases(r -> r.keyId(keyId)).aliases();
    assertThat(listed).hasSize(1);
    AliasListEntry entry = listed.get(0);
    assertThat(entry.aliasName()).isEqualTo("alias/every-form");
    assertThat(entry.aliasArn()).isEqualTo(aliasArn("alias/every-form"));
    assertThat(entry.targetKeyId()).isEqualTo(keyId);
    assertThat(entry.creationDate()).isNotNull();
    assertThat(entry.lastUpdatedDate()).isNotNull();
  }

  @Test
  void updateAliasRepointsAndDeleteAliasRemoves() {
    String first = kms.createKey(r -> r.description("first")).keyMetadata().keyId();
    String second = kms.createKey(r -> r.description("second")).keyMetadata().keyId();
    kms.createAlias(r -> r.aliasName("alias/moving").targetKeyId(first));
    kms.updateAlias(r -> r.aliasName("alias/moving").targetKeyId(second));
    assertThat(kms.describeKey(r -> r.keyId("alias/moving")).keyMetadata().keyId()).isEqualTo(second);
    kms.deleteAlias(r -> r.aliasName("alias/moving"));
    assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("alias/moving")))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(message(e)).isEqualTo("Alias " + aliasArn("alias/moving") + " is not found."));
    assertThatThrownBy(() -> kms.deleteAlias(r -> r.aliasName("alias/moving")))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(message(e)).isEqualTo("Alias " + aliasArn("alias/moving") + " is not found."));
    assertThatThrownBy(() -> kms.updateAlias(r -> r.aliasName("alias/moving").targetKeyId(first)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aliasNamesFollowAwsRules() {
    String keyId = kms.createKey(r -> r.description("named")).keyMetadata().keyId();
    kms.createAlias(r -> r.aliasName("alias/taken").targetKeyId(keyId));
    assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName("alias/taken").targetKeyId(keyId)))
        .isInstanceOf(AlreadyExistsException.class)
        .satisfies(e -> assertThat(message(e)).isEqualTo("An alias with the name " + aliasArn("alias/taken") + " already exists"));
    assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName("no-prefix").targetKeyId(keyId)))
        .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
        .satisfies(e -> assertThat(message(e)).isEqualTo(
            "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html"));
    assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName("alias/aws/s3").targetKeyId(keyId)))
        .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorCode()).isEqualTo("NotAuthorizedException"));
    assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName("alias/via-alias").targetKeyId("alias/taken")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void listAliasesPages() throws Exception {
    try (RunningTrent fresh = RunningTrent.developmentMode(); KmsClient client = fresh.client()) {
      String keyId = client.createKey(r -> r.description("many names")).keyMetadata().keyId();
      for (int i = 0; i < 5; i++) {
        int n = i;
        client.createAlias(r -> r.aliasName("alias/name-" + n).targetKeyId(keyId));
      }
      ListAliasesResponse first = client.listAliases(r -> r.limit(2));
      assertThat(first.aliases()).extracting(AliasListEntry::aliasName).containsExactly("alias/name-0", "alias/name-1");
      assertThat(first.truncated()).isTrue();
      ListAliasesResponse second = client.listAliases(r -> r.limit(2).marker(first.nextMarker()));
      assertThat(second.aliases()).extracting(AliasListEntry::aliasName).containsExactly("alias/name-2", "alias/name-3");
      assertThat(client.listAliasesPaginator(r -> r.limit(2)).aliases().stream().map(AliasListEntry::aliasName))
          .containsExactly("alias/name-0", "alias/name-1", "alias/name-2", "alias/name-3", "alias/name-4");
    }
  }
}
