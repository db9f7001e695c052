package trent.storage;

import java.util.function.Consumer;

/**
 * Tells the other nodes that share a store what changed, so they can drop what they cached.
 *
 * <p>Best effort by design: a change is published after its write committed, and a node that
 * misses a notice (it was restarting, its connection dropped) still sees the change when its
 * cached copy expires. Correctness never depends on a notice arriving, only freshness does.
 * A node receives its own notices too.
 */
public interface ChangeFeed extends AutoCloseable {

  /** Sends a short text describing a committed change to every subscribed node. Never throws. */
  void publish(String change);

  /** Starts delivering every node's notices to {@code listener}, on a thread of the feed's own. */
  void subscribe(Consumer<String> listener);

  @Override
  void close();
}
