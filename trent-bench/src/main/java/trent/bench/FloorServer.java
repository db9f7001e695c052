package trent.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import trent.bench.jmh.Fixtures;
import trent.crypto.SecretBytes;
import trent.crypto.ThreadLocalSecureRandom;
import trent.domain.ciphertext.BackingKey;
import trent.domain.ciphertext.CiphertextFormat;
import trent.domain.ciphertext.EncryptionContext;
import trent.protocol.http.EventLoops;
import trent.protocol.http.HttpServer;
import trent.protocol.http.Transport;
import trent.protocol.sigv4.SigV4Verifier;
import trent.protocol.sigv4.SignedRequest;

/**
 * The floor Trent's data plane is measured against: Trent's own per-request crypto behind the
 * plainest Netty server, and nothing else. It answers {@code GenerateDataKeyWithoutPlaintext} and
 * {@code Decrypt} as Trent does on the wire: it parses the JSON body with Jackson, verifies the
 * SigV4 signature with Trent's {@link SigV4Verifier} (signing key cached), draws the data key
 * from Trent's per-thread DRBG and seals or opens it with Trent's {@link CiphertextFormat}, then
 * writes the JSON answer. No key store, authorization, validation against the model, request id,
 * metrics, audit event or request log: whatever Trent costs beyond this server's CPU per request
 * is those layers and its own HTTP handling.
 *
 * <p>Every request is answered with one fixed key (fixed, non-secret material), whatever KeyId it
 * names; a blob from another server does not decrypt here. Run it with {@code ./bench floor}, then
 * drive it as Trent is driven (shared/BENCHMARKING.md), with the access key given here.
 */
@Command(name = "bench floor", mixinStandardHelpOptions = true, sortOptions = false,
    description = "A reference server: Trent's per-request crypto (SigV4, DRBG, HKDF, AES-GCM) behind bare Netty.")
public final class FloorServer implements Callable<Integer> {

  /** The one key's ARN: the JMH benchmarks' fixed key ({@link Fixtures}). */
  static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/" + Fixtures.KEY_ID;
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = 4599;

  @Option(names = "--access-key", required = true, description = "The one access key id accepted.")
  String accessKey;

  @Option(names = "--secret-key", required = true, description = "Its secret access key.")
  String secretKey;

  @Option(names = "--bare",
      description = "Answer every request with a fixed body, reading and checking nothing: bare Netty's own cost.")
  boolean bare;

  @Option(names = "--io-threads", description = "Event loop threads (default: the number of cores, as Trent).")
  int ioThreads = Runtime.getRuntime().availableProcessors();

  public static void main(String[] args) {
    System.exit(new CommandLine(new FloorServer()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    HttpServer.leakDetectionOffUnlessAsked(); // as trent serve does
    try (Running server = start(host, port, accessKey, secretKey, ioThreads, bare)) {
      System.out.println("Floor server at http://" + host + ":" + server.port()
          + " (" + server.loops().transport().configName() + ")" + (bare ? ", answering a fixed body" : ""));
      System.out.flush();
      server.channel.closeFuture().sync();
      return 0;
    }
  }

  /** Binds {@code host:port} (0 picks a free port) and serves until closed. */
  static Running start(String host, int port, String accessKey, String secretKey, int ioThreads, boolean bare)
      throws InterruptedException {
    SigV4Verifier verifier = new SigV4Verifier(
        id -> accessKey.equals(id) ? Optional.of(secretKey) : Optional.empty(), Clock.systemUTC(), "kms");
    Handler handler = new Handler(verifier, ThreadLocalSecureRandom.create(), Fixtures.backingKey(), bare);
    EventLoops loops = EventLoops.open(Transport.AUTO, ioThreads); // as Trent's listener by default
    try {
      Channel channel = new ServerBootstrap()
          .group(loops.boss(), loops.workers())
          .channel(loops.transport().serverChannel())
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline()
                  .addLast(new HttpServerCodec())
                  .addLast(new HttpObjectAggregator(64 * 1024))
                  .addLast(handler);
            }
          })
          .bind(host, port).sync().channel();
      return new Running(channel, loops);
    } catch (InterruptedException | RuntimeException e) {
      loops.close();
      throw e;
    }
  }

  /** A floor server listening. */
  record Running(Channel channel, EventLoops loops) implements AutoCloseable {

    int port() {
      return ((java.net.InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
      channel.close().syncUninterruptibly();
      loops.close();
    }
  }

  /** Shared by every connection: stateless apart from the per-thread DRBG and ciphers it uses. */
  @io.netty.channel.ChannelHandler.Sharable
  static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The size of a GenerateDataKeyWithoutPlaintext answer, so both modes write alike. */
    private static final Reply BARE_ANSWER = new Reply(HttpResponseStatus.OK, ("{\"CiphertextBlob\":\""
        + "A".repeat(204) + "\",\"KeyId\":\"" + KEY_ARN + "\",\"KeyMaterialId\":\"" + Fixtures.KEY_MATERIAL_ID + "\"}")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private final SigV4Verifier verifier;
    private final SecureRandom random;
    private final CiphertextFormat format;
    private final BackingKey key;
    private final boolean bare;

    Handler(SigV4Verifier verifier, SecureRandom random, BackingKey key, boolean bare) {
      this.bare = bare;
      this.verifier = verifier;
      this.random = random;
      this.format = new CiphertextFormat(random);
      this.key = key;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      Reply answer = bare ? BARE_ANSWER : answer(request);
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, answer.status(),
          Unpooled.wrappedBuffer(answer.body()));
      response.headers()
          .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      HttpUtil.setKeepAlive(response, keepAlive);
      if (keepAlive) {
        ctx.writeAndFlush(response, ctx.voidPromise());
      } else {
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      }
    }

    private Reply answer(FullHttpRequest request) {
      byte[] body = ByteBufUtil.getBytes(request.content());
      try {
        String uri = request.uri();
        int q = uri.indexOf('?');
        verifier.verify(new SignedRequest(request.method().name(), q < 0 ? uri : uri.substring(0, q),
            q < 0 ? "" : uri.substring(q + 1), request.headers().entries(), body));
        String target = request.headers().get("X-Amz-Target", "");
        JsonNode input = JSON.readTree(body);
        return switch (target) {
          case "TrentService.GenerateDataKeyWithoutPlaintext" -> generateDataKey(input);
          case "TrentService.Decrypt" -> decrypt(input);
          default -> error("UnsupportedOperationException", target);
        };
      } catch (RuntimeException | IOException e) {
        return error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
      }
    }

    private Reply generateDataKey(JsonNode input) throws IOException {
      int length = "AES_128".equals(input.path("KeySpec").asText()) ? 16 : input.path("NumberOfBytes").asInt(32);
      byte[] blob;
      try (SecretBytes dataKey = SecretBytes.random(length, random)) {
        blob = format.seal(key, dataKey, context(input));
      }
      return ok(g -> {
        g.writeBinaryField("CiphertextBlob", blob);
        g.writeStringField("KeyId", KEY_ARN);
        g.writeStringField("KeyMaterialId", Fixtures.KEY_MATERIAL_ID);
      });
    }

    private Reply decrypt(JsonNode input) throws IOException {
      byte[] blob = input.path("CiphertextBlob").binaryValue();
      if (blob == null || !format.parseHeader(blob).keyId().equals(Fixtures.KEY_ID)) {
        return error("InvalidCiphertextException", "");
      }
      try (SecretBytes plaintext = format.open(key, blob, context(input))) {
        byte[] revealed = plaintext.revealCopy();
        return ok(g -> {
          g.writeStringField("KeyId", KEY_ARN);
          g.writeBinaryField("Plaintext", revealed);
          java.util.Arrays.fill(revealed, (byte) 0);
          g.writeStringField("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
          g.writeStringField("KeyMaterialId", Fixtures.KEY_MATERIAL_ID);
        });
      }
    }

    private static EncryptionContext context(JsonNode input) {
      JsonNode pairs = input.get("EncryptionContext");
      if (pairs == null || pairs.isEmpty()) {
        return EncryptionContext.empty();
      }
      java.util.Map<String, String> map = new java.util.HashMap<>();
      pairs.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
      return EncryptionContext.of(map);
    }

    private static Reply error(String type, String message) {
      try {
        return new Reply(HttpResponseStatus.BAD_REQUEST, json(g -> {
          g.writeStringField("__type", type);
          g.writeStringField("message", message);
        }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** An answer: its status and JSON body. */
    record Reply(HttpResponseStatus status, byte[] body) {}

    interface Fields {
      void write(JsonGenerator g) throws IOException;
    }

    private static Reply ok(Fields fields) throws IOException {
      return new Reply(HttpResponseStatus.OK, json(fields));
    }

    private static byte[] json(Fields fields) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
        g.writeStartObject();
        fields.write(g);
        g.writeEndObject();
      }
      return out.toByteArray();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
