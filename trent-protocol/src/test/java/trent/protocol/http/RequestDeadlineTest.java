package trent.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deadline on an embedded channel whose event loop and clock this test moves together. */
class RequestDeadlineTest {

  private static final long TIMEOUT_MS = 10_000;

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private RequestDeadline deadline;
  private EmbeddedChannel channel;

  @BeforeEach
  void open() {
    deadline = new RequestDeadline(Duration.ofMillis(TIMEOUT_MS), now::get);
    channel = new EmbeddedChannel(deadline);
    channel.freezeTime();
  }

  private void advanceMillis(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
  }

  private void bytes() {
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'P'}));
    channel.releaseInbound();
  }

  @Test
  void aRequestNotReceivedInTimeClosesTheConnection() {
    bytes();
    advanceMillis(TIMEOUT_MS - 1);
    assertThat(channel.isActive()).isTrue();
    bytes(); // trickling: more bytes of the same request do not restart the clock
    advanceMillis(1);
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  void aRequestReceivedInTimeKeepsTheConnectionOpenWhileIdle() {
    bytes();
    advanceMillis(TIMEOUT_MS / 2);
    deadline.requestReceived();
    advanceMillis(5 * TIMEOUT_MS);
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  void eachRequestHasItsOwnTime() {
    bytes();
    advanceMillis(TIMEOUT_MS / 2);
    deadline.requestReceived();
    advanceMillis(TIMEOUT_MS / 5);
    bytes(); // the next request starts at 0.7 of the first one's deadline
    advanceMillis(TIMEOUT_MS / 2); // the first check runs at 1.2 timeouts: the second request has time left
    assertThat(channel.isActive()).isTrue();
    advanceMillis(TIMEOUT_MS / 2 - 1);
    assertThat(channel.isActive()).isTrue();
    advanceMillis(1);
    assertThat(channel.isActive()).as("closed at the second request's own deadline").isFalse();
  }

  @Test
  void afterManyQuickRequestsTheDeadlineStillHolds() {
    for (int i = 0; i < 1_000; i++) {
      bytes();
      deadline.requestReceived();
    }
    // The check pending since the first request finds nothing in progress.
    advanceMillis(TIMEOUT_MS);
    assertThat(channel.isActive()).isTrue();
    bytes();
    advanceMillis(TIMEOUT_MS);
    assertThat(channel.isActive()).isFalse();
  }
}
