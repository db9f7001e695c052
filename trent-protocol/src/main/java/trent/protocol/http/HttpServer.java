package trent.protocol.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import trent.protocol.Dispatcher;

/**
 * Serves the KMS API over HTTP/1.1 with Netty.
 *
 * <p>Limits: request line 8 KiB, headers 32 KiB, body {@code maxBodyBytes}; a request over a limit
 * is answered with a 4xx error body. Connections idle for {@code idleTimeout} are closed, and so is
 * a connection whose request is not completely received within {@code requestTimeout} of its first
 * byte (a client trickling bytes is never idle). Each connection has at most one request being
 * answered: the next one is not even read until the answer is written, so pipelined requests are
 * answered in order (RFC 9112 section 9.3.2) and a client cannot queue work without bound.
 * {@link #close()} stops accepting, lets requests in flight finish (up to a grace period), then
 * closes every connection.
 */
public final class HttpServer implements AutoCloseable {

  static final int MAX_INITIAL_LINE = 8 * 1024;
  static final int MAX_HEADER_BYTES = 32 * 1024;

  /** How long a client may take to send one whole request, unless configured otherwise. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final EventLoops loops;
  private final Channel serverChannel;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final InFlight inFlight = new InFlight();

  private RequestLog requestLog = RequestLog.OFF;

  private HttpServer(EventLoops loops, Channel serverChannel) {
    this.loops = loops;
    this.serverChannel = serverChannel;
  }

  /**
   * Initialises Netty and loads its native transports now. Optional: {@link #start} does it when
   * needed; a start may call this on another thread to overlap it with other work.
   */
  public static void preload() {
    Transport.AUTO.resolve();
  }

  /**
   * Turns off the JDK Flight Recorder events of Netty's buffer allocator (one per chunk and per
   * buffer allocated), unless the JVM was started with {@code -Dio.netty.jfr.enabled}. With them
   * on, a fresh server's first buffer loads JFR's event machinery (its event classes, which no
   * class-data archive holds, and a proxy per annotation): about 70 ms before its first answer on
   * the 2-core development machine. Only effective before Netty initialises, so {@code trent
   * serve} calls it first thing.
   */
  public static void jfrEventsOffUnlessAsked() {
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
  }

  /**
   * Turns off Netty's sampling of buffers for leak reports, unless the JVM was started with
   * {@code -Dio.netty.leakDetection.level}: for a server in service, where every request would
   * otherwise pay for it (about 1.5% of the data plane's CPU, JFR). Tests keep the default, which
   * reports a leaked buffer.
   */
  public static void leakDetectionOffUnlessAsked() {
    if (System.getProperty("io.netty.leakDetection.level") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }

  /** Binds {@code host:port} (port 0 picks a free port) and starts serving plain HTTP. */
  public static HttpServer start(String host, int port, Dispatcher dispatcher, int maxBodyBytes,
      Duration idleTimeout, int ioThreads) throws InterruptedException {
    return start(host, port, dispatcher, maxBodyBytes, idleTimeout, DEFAULT_REQUEST_TIMEOUT, ioThreads, null, false);
  }

  /**
   * Binds {@code host:port} (port 0 picks a free port) and starts serving, over TLS when
   * {@code tls} is not null (a client that does not speak TLS is disconnected unanswered).
   */
  public static HttpServer start(String host, int port, Dispatcher dispatcher, int maxBodyBytes,
      Duration idleTimeout, Duration requestTimeout, int ioThreads, Tls tls, boolean logRequests)
      throws InterruptedException {
    return start(host, port, dispatcher, maxBodyBytes, idleTimeout, requestTimeout, ioThreads, tls, logRequests,
        Cors.NONE, Transport.AUTO);
  }

  /**
   * As {@link #start(String, int, Dispatcher, int, Duration, Duration, int, Tls, boolean)}, answering
   * the browser's CORS preflight and adding CORS headers for the origins {@code cors} allows, with
   * the network I/O of {@code transport} (resolved here: a named transport that is not available
   * is an {@link IllegalStateException}).
   */
  public static HttpServer start(String host, int port, Dispatcher dispatcher, int maxBodyBytes,
      Duration idleTimeout, Duration requestTimeout, int ioThreads, Tls tls, boolean logRequests, Cors cors,
      Transport transport) throws InterruptedException {
    EventLoops loops = EventLoops.open(transport, ioThreads);
    RequestLog requestLog = logRequests ? RequestLog.to(System.err) : RequestLog.OFF;
    HttpServer[] self = new HttpServer[1];
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(loops.boss(), loops.workers())
        .channel(loops.transport().serverChannel())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        // KmsRequestHandler asks for each read itself: one request per connection at a time.
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            self[0].connections.add(ch);
            if (tls != null) {
              ch.pipeline().addLast(tls.context().newHandler(ch.alloc()));
            }
            RequestDeadline deadline = new RequestDeadline(requestTimeout);
            ch.pipeline()
                .addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .addLast(deadline)
                .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192))
                .addLast(new BodyLimit(maxBodyBytes))
                .addLast(new KmsRequestHandler(dispatcher, self[0].inFlight, requestLog, deadline, cors, tls != null));
          }
        });
    try {
      Channel channel = bootstrap.bind(host, port).sync().channel();
      self[0] = new HttpServer(loops, channel);
      self[0].requestLog = requestLog;
      return self[0];
    } catch (Exception e) {
      requestLog.close();
      loops.close();
      throw e;
    }
  }

  /** The transport the listener uses: never {@link Transport#AUTO}. */
  public Transport transport() {
    return loops.transport();
  }

  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Stops accepting, waits up to {@code grace} for requests in flight, then closes everything. */
  public void close(Duration grace) {
    serverChannel.close().syncUninterruptibly();
    inFlight.awaitIdle(grace);
    connections.close().awaitUninterruptibly(grace.toMillis());
    requestLog.close();
    loops.close();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
