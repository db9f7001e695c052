package trent.domain.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import trent.domain.Scope;
import trent.storage.ChangeFeed;

/** Notices name a key by id and Region; a notice of an older node, by id only, reaches every Region. */
class ClusterNoticesTest {

  /** A feed that keeps what is published and delivers what the test sends. */
  static final class RecordingFeed implements ChangeFeed {
    final List<String> published = new ArrayList<>();
    Consumer<String> subscriber;

    @Override
    public void publish(String change) {
      published.add(change);
    }

    @Override
    public void subscribe(Consumer<String> listener) {
      subscriber = listener;
    }

    @Override
    public void close() {}
  }

  /** Records what it is told, one line per call. */
  static final class RecordingListener implements KeyChangeListener {
    final List<String> told = new ArrayList<>();

    @Override
    public void keyChanged(String keyId, String region) {
      told.add("key " + keyId + " " + region);
    }

    @Override
    public void tagsChanged(String keyId, String region) {
      told.add("tags " + keyId + " " + region);
    }

    @Override
    public void aliasChanged(Scope scope, String aliasName) {
      told.add("alias " + scope.region() + " " + aliasName);
    }
  }

  @Test
  void aChangeIsPublishedWithItsRegionAndAppliedLocally() {
    RecordingFeed feed = new RecordingFeed();
    RecordingListener local = new RecordingListener();
    ClusterNotices notices = ClusterNotices.connect(feed, local);

    notices.keyChanged("mrk-1", "us-west-2");
    notices.tagsChanged("mrk-1", "eu-west-1");

    assertThat(feed.published).containsExactly("k mrk-1 us-west-2", "tags mrk-1 eu-west-1");
    assertThat(local.told).containsExactly("key mrk-1 us-west-2", "tags mrk-1 eu-west-1");
  }

  @Test
  void anotherNodesNoticesReachTheLocalListenerWithTheirRegion() {
    RecordingFeed feed = new RecordingFeed();
    RecordingListener local = new RecordingListener();
    ClusterNotices.connect(feed, local);

    feed.subscriber.accept("k mrk-1 us-west-2");
    feed.subscriber.accept("tags mrk-1 us-east-1");
    feed.subscriber.accept("k 1234abcd-12ab-34cd-56ef-1234567890ab");
    feed.subscriber.accept("a 111122223333 us-east-1 alias/x");
    feed.subscriber.accept("something new");

    assertThat(local.told).containsExactly("key mrk-1 us-west-2", "tags mrk-1 us-east-1",
        "key 1234abcd-12ab-34cd-56ef-1234567890ab " + ClusterNotices.ANY_REGION, "alias us-east-1 alias/x");
  }
}
