package trent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A minimal HTTP/1.1 client for the AWS JSON 1.1 protocol over Netty: builds and signs KMS requests
 * and opens keep-alive connections on a small event loop group (by default one thread, so that on
 * a shared machine the load generator takes as little CPU from the server as it can).
 *
 * <p>Plain HTTP only; every request is {@code POST /} with {@code X-Amz-Target:
 * TrentService.<operation>}, signed with {@link SigV4Signer} when it is built.
 */
public final class KmsHttpClient implements AutoCloseable {

  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  static final int MAX_RESPONSE_BYTES = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InetSocketAddress address;
  private final String hostHeader;
  private final SigV4Signer signer;
  private final EventLoopGroup group;
  private final AmzDateClock dates = new AmzDateClock();

  /**
   * @param endpoint {@code http://host:port}
   * @param ioThreads Netty event loop threads for all connections
   */
  public KmsHttpClient(URI endpoint, SigV4Signer signer, int ioThreads) {
    if (!"http".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be http://host:port, got " + endpoint);
    }
    int port = endpoint.getPort() < 0 ? 80 : endpoint.getPort();
    this.address = new InetSocketAddress(endpoint.getHost(), port);
    this.hostHeader = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + port;
    this.signer = signer;
    this.group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("trent-bench-io", true),
        NioIoHandler.newFactory());
  }

  EventLoopGroup group() {
    return group;
  }

  /** Builds a freshly signed request. Call on any thread; the result is used once. */
  public FullHttpRequest newRequest(String operation, byte[] body) {
    String target = "TrentService." + operation;
    String amzDate = dates.now();
    String authorization = signer.authorization("POST", "/", amzDate,
        List.of(
            Map.entry("content-type", CONTENT_TYPE),
            Map.entry("host", hostHeader),
            Map.entry("x-amz-date", amzDate),
            Map.entry("x-amz-target", target)),
        body);
    FullHttpRequest request = new DefaultFullHttpRequest(
        HttpVersion.HTTP_1_1, HttpMethod.POST, "/", Unpooled.wrappedBuffer(body), false);
    HttpHeaders h = request.headers();
    h.set(HttpHeaderNames.HOST, hostHeader);
    h.set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE);
    h.set("X-Amz-Target", target);
    h.set("X-Amz-Date", amzDate);
    h.set(HttpHeaderNames.AUTHORIZATION, authorization);
    h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return request;
  }

  /**
   * Opens a connection whose pipeline ends in {@code handler}; the handler receives whole
   * responses ({@link FullHttpResponse}).
   */
  io.netty.channel.ChannelFuture connect(Supplier<ChannelHandler> handler) {
    return new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE_BYTES), handler.get());
          }
        })
        .connect(address);
  }

  /**
   * Sends one request on a connection of its own and waits for the answer; for setup steps, not
   * for load.
   *
   * @throws IOException when the connection fails or no answer comes within {@code timeout}
   */
  public Response call(String operation, byte[] body, Duration timeout) throws IOException {
    CompletableFuture<Response> answer = new CompletableFuture<>();
    Channel channel = null;
    try {
      io.netty.channel.ChannelFuture connected = connect(() -> new SimpleChannelInboundHandler<FullHttpResponse>() {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
          answer.complete(Response.of(msg.status().code(), ByteBufUtil.getBytes(msg.content())));
          ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
          answer.completeExceptionally(cause);
          ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
          answer.completeExceptionally(new IOException("connection closed before an answer"));
        }
      });
      if (!connected.awaitUninterruptibly(timeout.toMillis()) || !connected.isSuccess()) {
        throw new IOException("cannot connect to " + address, connected.cause());
      }
      channel = connected.channel();
      channel.writeAndFlush(newRequest(operation, body)).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IOException(operation + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException(operation + ": no answer within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      if (channel != null) {
        channel.close();
      }
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /**
   * An answer: status, body and, for an error, AWS's {@code __type} and {@code message}.
   *
   * @param errorType the {@code __type} of an error body, {@code ""} when there is none
   */
  public record Response(int status, byte[] body, String errorType, String message) {

    static Response of(int status, byte[] body) {
      if (status / 100 == 2) {
        return new Response(status, body, "", "");
      }
      JsonNode json = parse(body);
      String type = json == null ? "" : json.path("__type").asText("");
      String message = json == null ? "" : json.path("message").asText(json.path("Message").asText(""));
      return new Response(status, body, type, message);
    }

    public boolean ok() {
      return status / 100 == 2;
    }

    public JsonNode json() {
      JsonNode json = parse(body);
      if (json == null) {
        throw new IllegalStateException("answer is not JSON");
      }
      return json;
    }

    private static JsonNode parse(byte[] body) {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      return ok() ? "HTTP " + status : "HTTP " + status + " " + errorType + ": " + message;
    }
  }

  /** {@code X-Amz-Date} values, formatted at most once a second. */
  static final class AmzDateClock {
    private volatile Stamp stamp = new Stamp(-1, "");

    String now() {
      long second = System.currentTimeMillis() / 1000;
      Stamp s = stamp;
      if (s.second != second) {
        s = new Stamp(second, SigV4Signer.amzDate(java.time.Instant.ofEpochSecond(second)));
        stamp = s;
      }
      return s.value;
    }

    private record Stamp(long second, String value) {}
  }
}
