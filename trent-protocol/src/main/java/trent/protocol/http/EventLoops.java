package trent.protocol.http;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;

/**
 * A listener's event loops on one transport: one thread accepting connections, {@code ioThreads}
 * serving them. Opened as {@link Transport#open} opens: under {@link Transport#AUTO}, a transport
 * whose loops cannot be opened gives way to the next one.
 */
public record EventLoops(Transport transport, EventLoopGroup boss, EventLoopGroup workers) implements AutoCloseable {

  /** The loops of {@code requested} (resolved: never {@link Transport#AUTO} in the result). */
  public static EventLoops open(Transport requested, int ioThreads) {
    return requested.open(t -> {
      EventLoopGroup boss = t.newEventLoopGroup(1);
      try {
        return new EventLoops(t, boss, t.newEventLoopGroup(ioThreads));
      } catch (RuntimeException e) {
        boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        throw e;
      }
    });
  }

  /** Stops both groups without a quiet period, waiting up to a second each for their threads. */
  @Override
  public void close() {
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
