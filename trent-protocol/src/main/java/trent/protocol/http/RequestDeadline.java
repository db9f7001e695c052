package trent.protocol.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request is not completely received within {@code timeout} of its
 * first byte. The idle timeout alone cannot do this: a client that sends one byte a second is
 * never idle, and would hold its connection (and the partly decoded request) for ever.
 *
 * <p>Sits in front of the HTTP decoder, so it sees raw bytes: the first bytes read while no
 * request is in progress start the clock, and {@link #requestReceived()} (called when a whole
 * request reaches the handler) stops it. The time a request spends being answered does not count.
 * Runs on the channel's event loop only.
 *
 * <p>No timer is set or cancelled per request (that cost a priority-queue insertion and removal,
 * and an allocation, on every request): the clock is a start time, and one check is scheduled when
 * a request starts and none is pending. When the check runs, it closes the connection if the
 * request then in progress is late, schedules itself again for the rest of that request's time if
 * it is not, and does nothing if no request is in progress. A busy connection thus meets one check
 * per {@code timeout}.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);
  private static final long NONE = Long.MIN_VALUE;

  private final long timeoutNanos;
  /** The clock's time at the first byte of the request in progress, or {@link #NONE}. */
  private long startedAt = NONE;
  private ScheduledFuture<?> check;

  private final LongSupplier nanoTime;

  RequestDeadline(Duration timeout) {
    this(timeout, System::nanoTime);
  }

  /** With {@code nanoTime} as the clock, for tests that move time. */
  RequestDeadline(Duration timeout, LongSupplier nanoTime) {
    this.timeoutNanos = timeout.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (startedAt == NONE) {
      startedAt = nanoTime.getAsLong();
      if (check == null) {
        schedule(ctx, timeoutNanos);
      }
    }
    ctx.fireChannelRead(msg);
  }

  /** A whole request was decoded: the clock stops until the next request's first bytes. */
  void requestReceived() {
    startedAt = NONE;
  }

  private void schedule(ChannelHandlerContext ctx, long delayNanos) {
    check = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void check(ChannelHandlerContext ctx) {
    check = null;
    if (startedAt == NONE || !ctx.channel().isActive()) {
      return;
    }
    long left = startedAt + timeoutNanos - nanoTime.getAsLong();
    if (left > 0) {
      schedule(ctx, left);
      return;
    }
    startedAt = NONE;
    LOG.debug("closing connection from {}: request not received within {} ms", ctx.channel().remoteAddress(),
        TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    startedAt = NONE;
    if (check != null) {
      check.cancel(false);
      check = null;
    }
    ctx.fireChannelInactive();
  }
}
