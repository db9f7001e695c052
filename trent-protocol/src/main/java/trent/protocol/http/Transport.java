package trent.protocol.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * How a listener does its network I/O. {@link #AUTO} takes the first available of Linux's
 * io_uring, Linux's epoll and Java's NIO; naming one makes it a requirement.
 *
 * <p>Why io_uring first: it makes far fewer system calls per request (one {@code io_uring_enter}
 * for several requests, where epoll makes a {@code recvfrom} and a {@code writev} for each). On
 * the 2-core development machine Trent served GenerateDataKeyWithoutPlaintext with 23 µs of CPU
 * per request instead of 34 µs with epoll, and 19% more requests a second (README, Benchmarks).
 * Some hosts turn io_uring off (the {@code kernel.io_uring_disabled} sysctl, container seccomp
 * profiles); {@code AUTO} then uses epoll, and {@code transport: epoll} in the configuration
 * serves with epoll where io_uring is allowed.
 */
public enum Transport {
  AUTO, IO_URING, EPOLL, NIO;

  static {
    // Before any transport's native library loads. Netty's io_uring library initialises
    // InetAddress from its JNI_OnLoad (LinuxSocket's static initialiser), while the JDK holds its
    // native-library lock; on Java 17, InetAddress's own initialiser takes that lock to load libnet.
    // So a thread loading the library and another initialising InetAddress (trent serve's preload
    // and main threads) could wait for each other for ever: CrashLoopIT's children hung at start
    // about once in 30. With InetAddress initialised first, the library finds it ready.
    InetAddress.getLoopbackAddress();
  }

  /** {@code auto}, {@code io_uring}, {@code epoll} or {@code nio} (any case). */
  public static Transport parse(String name) {
    for (Transport t : values()) {
      if (t.configName().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("transport: '" + name + "' is none of auto, io_uring, epoll, nio");
  }

  /** The name the configuration file uses. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this transport can be used here; {@link #AUTO} always can. */
  public boolean isAvailable() {
    return switch (this) {
      case AUTO, NIO -> true;
      case IO_URING -> IoUring.isAvailable();
      case EPOLL -> Epoll.isAvailable();
    };
  }

  /**
   * The transport to use: this one, or for {@link #AUTO} the first available of io_uring, epoll and
   * NIO. Throws {@link IllegalStateException}, with the reason, when this one is named and not
   * available.
   */
  public Transport resolve() {
    return resolve(Transport::isAvailable);
  }

  /** As {@link #resolve()}, with {@code available} saying what this machine offers (NIO always). */
  Transport resolve(Predicate<Transport> available) {
    if (this == AUTO) {
      return candidates(available).get(0);
    }
    if (this != NIO && !available.test(this)) {
      Throwable cause = this == IO_URING ? IoUring.unavailabilityCause() : Epoll.unavailabilityCause();
      throw new IllegalStateException("transport: " + configName() + " is not available here"
          + (cause != null ? " (" + cause.getMessage() + ")" : ""), cause);
    }
    return this;
  }

  /**
   * {@code create} applied to this transport, resolved. Under {@link #AUTO}, when it throws for
   * io_uring or epoll (a host whose kernel passes the availability probe and then refuses the
   * rings or epoll instances of a whole event loop group, say), it is applied to the next
   * available transport, down to NIO, and the failure is logged. A named transport gets no second
   * try; when every one fails, the first failure is thrown, with the others suppressed in it.
   */
  public <T> T open(Function<Transport, T> create) {
    return open(create, Transport::isAvailable);
  }

  /** As {@link #open(Function)}, with {@code available} saying what this machine offers (NIO always). */
  <T> T open(Function<Transport, T> create, Predicate<Transport> available) {
    if (this != AUTO) {
      return create.apply(resolve(available));
    }
    List<Transport> candidates = candidates(available);
    RuntimeException failure = null;
    for (Transport candidate : candidates) {
      try {
        T opened = create.apply(candidate);
        if (failure != null) {
          // The logger only now: SLF4J's set-up has no place in this class's initialiser (see above).
          LoggerFactory.getLogger(Transport.class).warn("transport {} could not be used ({}): serving with {}",
              candidates.get(0).configName(), failure.toString(), candidate.configName());
        }
        return opened;
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    throw failure;
  }

  /** What {@link #AUTO} may use, best first: the available ones of io_uring and epoll, then NIO. */
  private static List<Transport> candidates(Predicate<Transport> available) {
    List<Transport> candidates = new ArrayList<>(3);
    for (Transport t : new Transport[] {IO_URING, EPOLL}) {
      if (available.test(t)) {
        candidates.add(t);
      }
    }
    candidates.add(NIO);
    return candidates;
  }

  /** An event loop group of {@code threads} threads for this (resolved) transport. */
  public EventLoopGroup newEventLoopGroup(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory());
  }

  private IoHandlerFactory ioHandlerFactory() {
    return switch (resolved()) {
      case IO_URING -> IoUringIoHandler.newFactory();
      case EPOLL -> EpollIoHandler.newFactory();
      default -> NioIoHandler.newFactory();
    };
  }

  /** The listening channel's class for this (resolved) transport. */
  public Class<? extends ServerChannel> serverChannel() {
    return switch (resolved()) {
      case IO_URING -> IoUringServerSocketChannel.class;
      case EPOLL -> EpollServerSocketChannel.class;
      default -> NioServerSocketChannel.class;
    };
  }

  private Transport resolved() {
    if (this == AUTO) {
      throw new IllegalStateException("resolve() the transport first");
    }
    return this;
  }
}
