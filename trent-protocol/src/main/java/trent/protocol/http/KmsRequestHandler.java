package trent.protocol.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.protocol.Answer;
import trent.protocol.Dispatcher;
import trent.protocol.IncomingRequest;

/**
 * Hands each complete HTTP request to the dispatcher and writes its answer with the headers every
 * AWS JSON response carries ({@code x-amzn-RequestId}, the content type). Logs one line per
 * request, with the same request id.
 *
 * <p>The channel does not read by itself ({@code AUTO_READ} is off): this handler answers one
 * request at a time and asks for more bytes only when it has answered every request it holds. Operations may finish on a worker
 * thread in any order, so this is what keeps pipelined answers in request order; it also bounds
 * what one connection can make the server hold to one request.
 */
final class KmsRequestHandler extends ChannelInboundHandlerAdapter {

  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

  private static final Logger LOG = LoggerFactory.getLogger(KmsRequestHandler.class);
  /**
   * Answers carry only headers Trent writes itself (constant names, a request id it made, the
   * configured console origin), so Netty's per-header validation is skipped for them.
   */
  private static final HttpHeadersFactory ANSWER_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

  private final Dispatcher dispatcher;
  private final InFlight inFlight;
  private final RequestLog requestLog;
  private final RequestDeadline deadline;
  private final Cors cors;
  /** The connection is TLS (the listener has a certificate): {@code aws:SecureTransport}. */
  private final boolean secureTransport;

  // Touched on the event loop only.
  private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>();
  /** A request of this connection is being answered. */
  private boolean busy;
  /** {@link #answerPending} is on the stack. */
  private boolean draining;
  /** The client half-closed: answer what it sent, then close. */
  private boolean inputShutdown;
  /** The client's address as text, made at the connection's first request (it never changes). */
  private String sourceIp;

  KmsRequestHandler(Dispatcher dispatcher, InFlight inFlight, RequestLog requestLog, RequestDeadline deadline) {
    this(dispatcher, inFlight, requestLog, deadline, Cors.NONE);
  }

  KmsRequestHandler(Dispatcher dispatcher, InFlight inFlight, RequestLog requestLog, RequestDeadline deadline,
      Cors cors) {
    this(dispatcher, inFlight, requestLog, deadline, cors, false);
  }

  KmsRequestHandler(Dispatcher dispatcher, InFlight inFlight, RequestLog requestLog, RequestDeadline deadline,
      Cors cors, boolean secureTransport) {
    this.secureTransport = secureTransport;
    this.requestLog = requestLog;
    this.deadline = deadline;
    this.cors = cors;
    this.dispatcher = dispatcher;
    this.inFlight = inFlight;
  }

  /** A version-4 UUID from a fast non-blocking generator: request ids need uniqueness, not secrecy. */
  static String newRequestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.read();
    ctx.fireChannelActive();
  }

  /**
   * Queues the request; one read can decode several (pipelining). The queue holds at most what one
   * read delivered, since nothing more is read while it is not empty.
   */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    deadline.requestReceived();
    pending.add(request);
    answerPending(ctx);
  }

  /** A read that completed no request (a partial one, or an over-limit body being discarded) needs another. */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    readIfIdle(ctx);
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    for (FullHttpRequest request = pending.poll(); request != null; request = pending.poll()) {
      request.release();
    }
    ctx.fireChannelInactive();
  }

  private void readIfIdle(ChannelHandlerContext ctx) {
    if (busy || !pending.isEmpty() || !ctx.channel().isActive()) {
      return;
    }
    if (inputShutdown) {
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.read();
    }
  }

  /**
   * Starts answering queued requests, one at a time, in order. A loop, not recursion: answers given
   * synchronously (operations that do not block) come back here through {@link #answered}.
   */
  private void answerPending(ChannelHandlerContext ctx) {
    if (draining) {
      return;
    }
    draining = true;
    try {
      while (!busy && !pending.isEmpty()) {
        FullHttpRequest request = pending.poll();
        busy = true;
        try {
          handle(ctx, request);
        } finally {
          request.release();
        }
      }
    } finally {
      draining = false;
    }
    readIfIdle(ctx);
  }

  /** Called on the event loop once the answer is handed to the channel: the next request may come. */
  private void answered(ChannelHandlerContext ctx) {
    busy = false;
    answerPending(ctx);
  }

  private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    String requestId = newRequestId();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (request.decoderResult().isFailure()) {
      Throwable cause = request.decoderResult().cause();
      HttpResponseStatus status = cause instanceof TooLongFrameException
          ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST;
      byte[] body = ("{\"__type\":\"BadRequestException\",\"message\":\"The HTTP request could not be read.\"}")
          .getBytes(StandardCharsets.UTF_8);
      write(ctx, requestId, status.code(), body, false, null);
      requestLog.record(requestId, null, status.code(), "BadRequestException", 0);
      return; // the connection closes: nothing more is read
    }
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (request.method().equals(HttpMethod.OPTIONS) && origin != null
        && request.headers().contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
      preflight(ctx, requestId, request, origin, keepAlive);
      return;
    }
    String allowOrigin = cors.allows(origin) ? origin : null;
    long started = System.nanoTime();
    String uri = request.uri();
    int q = uri.indexOf('?');
    IncomingRequest incoming = new IncomingRequest(
        requestId,
        request.method().name(),
        q < 0 ? uri : uri.substring(0, q),
        q < 0 ? "" : uri.substring(q + 1),
        request.headers().entries(),
        ByteBufUtil.getBytes(request.content()),
        sourceIp(ctx),
        secureTransport);
    inFlight.begin();
    dispatcher.dispatch(incoming).whenComplete((answer, failure) -> {
      if (ctx.executor().inEventLoop()) {
        respond(ctx, requestId, keepAlive, started, allowOrigin, answer, failure);
      } else {
        ctx.executor().execute(() -> respond(ctx, requestId, keepAlive, started, allowOrigin, answer, failure));
      }
    });
  }

  private String sourceIp(ChannelHandlerContext ctx) {
    if (sourceIp == null) {
      sourceIp = ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
          ? a.getAddress().getHostAddress() : "unknown";
    }
    return sourceIp;
  }

  /**
   * Answers a CORS preflight: 204 with the allowed method and headers when {@link Cors} allows the
   * origin and what it asks for, else 403 without any CORS header (the browser then refuses the
   * request). A preflight never reaches the dispatcher: it carries no signature.
   */
  private void preflight(ChannelHandlerContext ctx, String requestId, FullHttpRequest request, String origin,
      boolean keepAlive) {
    boolean allowed = cors.allowsPreflight(origin,
        request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD),
        request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS));
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        allowed ? HttpResponseStatus.NO_CONTENT : HttpResponseStatus.FORBIDDEN, Unpooled.EMPTY_BUFFER);
    response.headers()
        .setInt(HttpHeaderNames.CONTENT_LENGTH, 0)
        .set(REQUEST_ID_HEADER, requestId)
        .set(HttpHeaderNames.VARY, "Origin");
    if (allowed) {
      response.headers()
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, Cors.ALLOW_METHODS)
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, Cors.allowHeaders())
          .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, Cors.MAX_AGE_SECONDS);
    }
    send(ctx, response, keepAlive);
    requestLog.record(requestId, null, response.status().code(), allowed ? null : "CorsOriginNotAllowed", 0);
    if (keepAlive) {
      answered(ctx);
    }
  }

  private void respond(ChannelHandlerContext ctx, String requestId, boolean keepAlive, long started,
      String allowOrigin, Answer answer, Throwable failure) {
    try {
      if (failure != null) {
        LOG.error("request {} failed in dispatch", requestId, failure);
        byte[] body = "{\"__type\":\"KMSInternalException\"}".getBytes(StandardCharsets.UTF_8);
        write(ctx, requestId, 500, body, false, allowOrigin);
        return;
      }
      write(ctx, requestId, answer.status(), answer.body(), keepAlive, allowOrigin);
      requestLog.record(requestId, answer.operation(), answer.status(), answer.errorCode(),
          (System.nanoTime() - started) / 1000);
      if (keepAlive) {
        answered(ctx);
      }
    } finally {
      inFlight.end();
    }
  }

  private static void write(ChannelHandlerContext ctx, String requestId, int status, byte[] body, boolean keepAlive,
      String allowOrigin) {
    // No trailers: an answer has a Content-Length, so there is nowhere to send them.
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body), ANSWER_HEADERS.newHeaders(),
        EmptyHttpHeaders.INSTANCE);
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(REQUEST_ID_HEADER, requestId);
    if (allowOrigin != null) {
      response.headers()
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin)
          .set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, Cors.EXPOSE_HEADERS)
          .set(HttpHeaderNames.VARY, "Origin");
    }
    send(ctx, response, keepAlive);
  }

  private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      ctx.close();
      return;
    }
    if (event instanceof ChannelInputShutdownEvent) {
      // Half-closure is allowed (HttpServer), so a client that sends its request and shuts its
      // output still gets the answer before the connection closes.
      inputShutdown = true;
      readIfIdle(ctx);
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("connection error from {}", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
