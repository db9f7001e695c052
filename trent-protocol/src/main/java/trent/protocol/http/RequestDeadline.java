package trent.protocol.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

  private final long timeoutNanos;
  private ScheduledFuture<?> timer;

  RequestDeadline(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (timer == null) {
      timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }
    ctx.fireChannelRead(msg);
  }

  /** A whole request was decoded: the clock stops until the next request's first bytes. */
  void requestReceived() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void expire(ChannelHandlerContext ctx) {
    timer = null;
    LOG.debug("closing connection from {}: request not received within {} ms", ctx.channel().remoteAddress(),
        TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    requestReceived();
    ctx.fireChannelInactive();
  }
}
