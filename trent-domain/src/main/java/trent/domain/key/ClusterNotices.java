package trent.domain.key;

import trent.domain.Scope;
import trent.storage.ChangeFeed;

/**
 * Carries key and alias changes between nodes sharing a store: publishes this node's changes on
 * the store's change feed and applies every node's notices to the local cache.
 *
 * <p>Notice format: {@code k <keyId> <region>}, {@code tags <keyId> <region>}, {@code a
 * <account> <region> <aliasName>}, or {@link #KEYRING_CHANGED} (a root rotation changed the keyring's terms); none of
 * these contain spaces, so the format is unambiguous. Unknown notices are ignored (a node of an older
 * version ignores {@code tags}, and catches up when its cached tags expire). A key notice without a
 * Region, as a node of a version before multi-Region keys sends it, is applied to every Region.
 */
public final class ClusterNotices implements KeyChangeListener {

  /** The notice a root rotation ({@code trent root rotate}) sends when it changed the keyring's terms. */
  public static final String KEYRING_CHANGED = "t";

  /**
   * The Region of a change told by a node of a version before multi-Region keys, which named keys
   * by id only: listeners drop what they hold of that key id in every Region.
   */
  public static final String ANY_REGION = "*";

  private final ChangeFeed feed;
  private final KeyChangeListener local;
  private final Runnable keyringChanged;

  private ClusterNotices(ChangeFeed feed, KeyChangeListener local, Runnable keyringChanged) {
    this.feed = feed;
    this.local = local;
    this.keyringChanged = keyringChanged;
  }

  /** Subscribes {@code local} to the feed; the returned listener publishes and applies locally. */
  public static ClusterNotices connect(ChangeFeed feed, KeyChangeListener local) {
    return connect(feed, local, () -> { });
  }

  /** As {@link #connect(ChangeFeed, KeyChangeListener)}, and runs {@code keyringChanged} on {@link #KEYRING_CHANGED}. */
  public static ClusterNotices connect(ChangeFeed feed, KeyChangeListener local, Runnable keyringChanged) {
    ClusterNotices notices = new ClusterNotices(feed, local, keyringChanged);
    feed.subscribe(notices::apply);
    return notices;
  }

  @Override
  public void keyChanged(String keyId, String region) {
    local.keyChanged(keyId, region);
    feed.publish("k " + keyId + " " + region);
  }

  @Override
  public void aliasChanged(Scope scope, String aliasName) {
    local.aliasChanged(scope, aliasName);
    feed.publish("a " + scope.account() + " " + scope.region() + " " + aliasName);
  }

  @Override
  public void tagsChanged(String keyId, String region) {
    local.tagsChanged(keyId, region);
    feed.publish("tags " + keyId + " " + region);
  }

  void apply(String notice) {
    if (notice.equals(KEYRING_CHANGED)) {
      keyringChanged.run();
      return;
    }
    String[] parts = notice.split(" ");
    if (parts.length == 3 && parts[0].equals("k")) {
      local.keyChanged(parts[1], parts[2]);
    } else if (parts.length == 3 && parts[0].equals("tags")) {
      local.tagsChanged(parts[1], parts[2]);
    } else if (parts.length == 2 && parts[0].equals("k")) {
      local.keyChanged(parts[1], ANY_REGION);
    } else if (parts.length == 2 && parts[0].equals("tags")) {
      local.tagsChanged(parts[1], ANY_REGION);
    } else if (parts.length == 4 && parts[0].equals("a")) {
      local.aliasChanged(new Scope(parts[1], parts[2]), parts[3]);
    }
  }
}
