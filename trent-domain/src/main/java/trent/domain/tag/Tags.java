package trent.domain.tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import trent.domain.Page;
import trent.domain.Scope;
import trent.domain.error.LimitExceededException;
import trent.domain.error.TagException;
import trent.domain.key.KeyChangeListener;
import trent.domain.key.KeyResolver;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.KeyState;
import trent.domain.key.KmsKey;
import trent.storage.Storage;
import trent.storage.TagRecord;

/**
 * Tagging keys (OPERATIONS.md "Tags"). The model's length limits (tag key 1..128, value 0..256
 * characters) are checked by the protocol layer before this runs; the rules here are those the
 * model cannot state.
 *
 * <p>Texts recorded from AWS (LocalStack snapshots {@code test_kms.snapshot.json}:
 * {@code test_tag_key_with_duplicate_tag_keys_raises_error}, {@code test_create_key_with_too_many_tags_raises_error},
 * {@code test_create_key_with_invalid_tag_key[lowercase_prefix|uppercase_prefix]}), all {@code TagException}.
 */
public final class Tags {

  /** At most 50 tags per key (KMS quotas; the recorded "Too many tags"). */
  public static final int MAX_TAGS_PER_KEY = 50;

  static final String DUPLICATE_TAG_KEYS = "Duplicate tag keys";
  static final String TOO_MANY_TAGS = "Too many tags";
  static final String RESERVED_PREFIX = "Tags beginning with aws: are reserved";

  private final Storage storage;
  private final KeyResolver resolver = new KeyResolver();
  private final KeyChangeListener listener;

  /** Tags whose changes nobody caches. */
  public Tags(Storage storage) {
    this(storage, KeyChangeListener.NONE);
  }

  /**
   * @param listener told after every tag change, so that the tags authorization reads
   *     ({@code aws:ResourceTag/<key>}) are dropped from memory on every node
   */
  public Tags(Storage storage, KeyChangeListener listener) {
    this.storage = storage;
    this.listener = listener;
  }

  /**
   * The tags of one request (CreateKey, TagResource), checked as AWS checks them: a tag key given
   * twice, more than 50 tags, then a tag key starting with {@code aws:} in any letter case.
   * Returns tag key to value in request order.
   */
  public static Map<String, String> validated(List<Tag> tags) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Tag tag : tags) {
      if (result.putIfAbsent(tag.tagKey(), tag.tagValue()) != null) {
        throw new TagException(DUPLICATE_TAG_KEYS);
      }
    }
    if (result.size() > MAX_TAGS_PER_KEY) {
      throw new TagException(TOO_MANY_TAGS);
    }
    for (String key : result.keySet()) {
      if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw new TagException(RESERVED_PREFIX);
      }
    }
    return result;
  }

  /**
   * TagResource: adds or overwrites tags. A key whose tags would number more than 50 is refused
   * with {@code LimitExceededException} (the error the model lists for TagResource; the text is
   * ours, not recorded).
   */
  public void tag(Scope scope, String keyIdText, List<Tag> tags) {
    Map<String, String> valid = validated(tags);
    KmsKey tagged = storage.write(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      requireTaggable(key);
      long after = tx.tags().list(key.keyId(), key.region()).stream().filter(t -> !valid.containsKey(t.tagKey())).count()
          + valid.size();
      if (after > MAX_TAGS_PER_KEY) {
        throw new LimitExceededException("The request would give " + key.arn() + " more than "
            + MAX_TAGS_PER_KEY + " tags.");
      }
      valid.forEach((k, v) -> tx.tags().put(new TagRecord(key.keyId(), key.region(), k, v)));
      return key;
    });
    listener.tagsChanged(tagged.keyId(), tagged.region());
  }

  /** UntagResource: removes the named tags; naming a tag the key does not have is not an error. */
  public void untag(Scope scope, String keyIdText, List<String> tagKeys) {
    KmsKey untagged = storage.write(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      requireTaggable(key);
      tagKeys.forEach(k -> tx.tags().remove(key.keyId(), key.region(), k));
      return key;
    });
    listener.tagsChanged(untagged.keyId(), untagged.region());
  }

  /** ListResourceTags: every key state; tags ordered by tag key. */
  public Page<Tag> list(Scope scope, String keyIdText, String marker, int limit) {
    String after = Page.after(marker, "tag");
    List<TagRecord> all = storage.read(tx -> {
      KmsKey key = resolver.resolve(tx, scope, keyIdText, Forms.KEY_ID_OR_ARN);
      return tx.tags().list(key.keyId(), key.region());
    });
    List<Tag> fetched = new ArrayList<>();
    for (TagRecord t : all) {
      if ((after == null || t.tagKey().compareTo(after) > 0) && fetched.size() <= limit) {
        fetched.add(new Tag(t.tagKey(), t.tagValue()));
      }
    }
    return Page.of(fetched, limit, "tag", Tag::tagKey);
  }

  /**
   * Tags change in every state but those of a key on its way out (Developer Guide, "Key states of
   * KMS keys": TagResource and UntagResource fail with KMSInvalidStateException while the key is
   * pending deletion).
   */
  private static void requireTaggable(KmsKey key) {
    KeyState s = key.state();
    if (s == KeyState.PendingDeletion || s == KeyState.PendingReplicaDeletion) {
      throw s.invalidFor(key.arn());
    }
  }
}
