package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * TagResource, UntagResource, ListResourceTags and CreateKey's Tags through the real SDK. Texts
 * marked "recorded" were observed from AWS (LocalStack snapshot test_kms.snapshot.json, January 2025).
 */
class TagsIT {

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

  static Tag tag(String key, String value) {
    return Tag.builder().tagKey(key).tagValue(value).build();
  }

  static String arn(String keyId) {
    return "arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":key/" + keyId;
  }

  String newKey(Tag... tags) {
    return kms.createKey(r -> r.tags(tags)).keyMetadata().keyId();
  }

  @Test
  void tagsOfCreateKeyAreListedAndUntaggedByKey() {
    String keyId = newKey(tag("tag2", "value2"), tag("tag1", "value1"));
    assertThat(kms.listResourceTags(r -> r.keyId(keyId)).tags())
        .containsExactly(tag("tag1", "value1"), tag("tag2", "value2"));
    kms.untagResource(r -> r.keyId(arn(keyId)).tagKeys("tag1", "tag2", "never-there"));
    ListResourceTagsResponse none = kms.listResourceTags(r -> r.keyId(keyId));
    assertThat(none.tags()).isEmpty();
    assertThat(none.truncated()).isFalse();
  }

  @Test
  void tagResourceAddsAndOverwrites() {
    String keyId = newKey(tag("tag1", "value1"), tag("tag2", "value2"), tag("tag3", "value3"));
    kms.tagResource(r -> r.keyId(keyId).tags(tag("tag2", "updated_value2"), tag("tag4", "value4"), tag("tag5", "")));
    assertThat(kms.listResourceTags(r -> r.keyId(keyId)).tags()).containsExactly(tag("tag1", "value1"),
        tag("tag2", "updated_value2"), tag("tag3", "value3"), tag("tag4", "value4"), tag("tag5", ""));
  }

  @Test
  void listResourceTagsPages() {
    String keyId = newKey();
    List<Tag> tags = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      tags.add(tag("k" + i, "v" + i));
    }
    kms.tagResource(r -> r.keyId(keyId).tags(tags));
    List<Tag> seen = new ArrayList<>();
    String marker = null;
    int pages = 0;
    do {
      String m = marker;
      ListResourceTagsResponse page = kms.listResourceTags(r -> r.keyId(keyId).limit(3).marker(m));
      assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
      seen.addAll(page.tags());
      marker = page.nextMarker();
      pages++;
    } while (marker != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(tags);
    assertThat(kms.listResourceTagsPaginator(r -> r.keyId(keyId).limit(2)).tags().stream().count()).isEqualTo(7);
    Errors.expect(() -> kms.listResourceTags(r -> r.keyId(keyId).marker("not-a-marker")), "InvalidMarkerException");
  }

  @Test
  void duplicateTagKeysAreRefused() {
    Errors.expect(() -> kms.createKey(r -> r.tags(tag("a", "1"), tag("a", "2"))), "TagException", "Duplicate tag keys");
    String keyId = newKey();
    Errors.expect(() -> kms.tagResource(r -> r.keyId(keyId).tags(tag("a", "1"), tag("a", "1"))),
        "TagException", "Duplicate tag keys");
  }

  @Test
  void theAwsPrefixIsReservedInAnyCase() {
    Errors.expect(() -> kms.createKey(r -> r.tags(tag("aws:team", "x"))), "TagException",
        "Tags beginning with aws: are reserved");
    Errors.expect(() -> kms.createKey(r -> r.tags(tag("AWS:team", "x"))), "TagException",
        "Tags beginning with aws: are reserved");
    String keyId = newKey();
    Errors.expect(() -> kms.tagResource(r -> r.keyId(keyId).tags(tag("Aws:x", "y"))), "TagException",
        "Tags beginning with aws: are reserved");
  }

  @Test
  void moreThanFiftyTagsAreRefused() {
    List<Tag> fiftyOne = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      fiftyOne.add(tag("k" + i, "v"));
    }
    Errors.expect(() -> kms.createKey(r -> r.tags(fiftyOne)), "TagException", "Too many tags");
    String keyId = newKey();
    Errors.expect(() -> kms.tagResource(r -> r.keyId(keyId).tags(fiftyOne)), "TagException", "Too many tags");

    kms.tagResource(r -> r.keyId(keyId).tags(fiftyOne.subList(0, 50)));
    kms.tagResource(r -> r.keyId(keyId).tags(tag("k0", "overwrite is fine")));
    Errors.expect(() -> kms.tagResource(r -> r.keyId(keyId).tags(tag("one-more", "v"))), "LimitExceededException");
    assertThat(kms.listResourceTags(r -> r.keyId(keyId)).tags()).hasSize(50);
  }

  @Test
  void tagLengthsAreTheModelsAndReportedAsAws() {
    String longKey = "a".repeat(129);
    Errors.expect(() -> kms.createKey(r -> r.tags(tag(longKey, "v"))), "ValidationException",
        "1 validation error detected: Value '" + longKey + "' at 'tags.1.member.tagKey' failed to satisfy constraint:"
            + " Member must have length less than or equal to 128");
    String longValue = "v".repeat(257);
    String keyId = newKey();
    Errors.expect(() -> kms.tagResource(r -> r.keyId(keyId).tags(tag("ok", "v"), tag("k", longValue))),
        "ValidationException", "1 validation error detected: Value '" + longValue
            + "' at 'tags.2.member.tagValue' failed to satisfy constraint:"
            + " Member must have length less than or equal to 256");
  }

  @Test
  void tagsCannotChangeWhileTheKeyIsPendingDeletionButCanBeListed() {
    String keyId = newKey(tag("a", "b"));
    kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
    String expected = arn(keyId) + " is pending deletion.";
    Errors.expect(() -> kms.tagResource(r -> r.keyId(keyId).tags(tag("c", "d"))), "KMSInvalidStateException", expected);
    Errors.expect(() -> kms.untagResource(r -> r.keyId(keyId).tagKeys("a")), "KMSInvalidStateException", expected);
    assertThat(kms.listResourceTags(r -> r.keyId(keyId)).tags()).containsExactly(tag("a", "b"));
    kms.cancelKeyDeletion(r -> r.keyId(keyId));
    kms.tagResource(r -> r.keyId(keyId).tags(tag("c", "d")));
  }

  @Test
  void tagOperationsNameMissingKeysAsAws() {
    String missing = "0f0e0d0c-0b0a-4908-8706-050403020100";
    String expected = "Key '" + arn(missing) + "' does not exist";
    Errors.expect(() -> kms.tagResource(r -> r.keyId(missing).tags(tag("a", "b"))), "NotFoundException", expected);
    Errors.expect(() -> kms.untagResource(r -> r.keyId(missing).tagKeys("a")), "NotFoundException", expected);
    Errors.expect(() -> kms.listResourceTags(r -> r.keyId(missing)), "NotFoundException", expected);
    Errors.expect(() -> kms.listResourceTags(r -> r.keyId("alias/none")), "NotFoundException",
        "Invalid keyId 'alias/none'");
  }
}
