package trent.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trent.ops.OperationTable;
import trent.protocol.Authenticator;
import trent.protocol.Dispatcher;
import trent.protocol.json.JsonCodec;
import trent.protocol.model.ModelValidator;

/** Only the console's own origin may call the KMS API from a browser. */
class CorsTest {

  static final String CONSOLE = "http://127.0.0.1:4600";
  private final Cors cors = Cors.allowing(() -> Set.of(CONSOLE));
  private final EmbeddedChannel channel = new EmbeddedChannel(new KmsRequestHandler(
      new Dispatcher(OperationTable.builder().build(), ModelValidator.loadDefault(),
          Authenticator.developmentMode("111122223333", Clock.systemUTC()), new JsonCodec(), Runnable::run),
      new InFlight(), RequestLog.OFF, new RequestDeadline(java.time.Duration.ofSeconds(30)), cors));

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  @Test
  void onlyTheConsolesOriginExactly() {
    assertThat(cors.allows(CONSOLE)).isTrue();
    assertThat(cors.allows("http://127.0.0.1:4601")).isFalse();
    assertThat(cors.allows("https://127.0.0.1:4600")).isFalse();
    assertThat(cors.allows("http://evil.example:4600")).isFalse();
    assertThat(cors.allows("http://127.0.0.1:4600.evil.example")).isFalse();
    assertThat(cors.allows("null")).isFalse();
    assertThat(cors.allows(null)).isFalse();
    assertThat(Cors.NONE.allows(CONSOLE)).isFalse();
  }

  @Test
  void preflightOnlyForPostAndTheSdksHeaders() {
    assertThat(cors.allowsPreflight(CONSOLE, "POST", "Content-Type, X-Amz-Target, authorization,x-amz-date")).isTrue();
    assertThat(cors.allowsPreflight(CONSOLE, "POST", null)).isTrue();
    assertThat(cors.allowsPreflight(CONSOLE, "DELETE", null)).isFalse();
    assertThat(cors.allowsPreflight(CONSOLE, "POST", "x-custom-header")).isFalse();
    assertThat(cors.allowsPreflight("http://evil.example", "POST", "content-type")).isFalse();
  }

  @Test
  void thePreflightOfTheConsoleIsAnswered() {
    FullHttpResponse response = exchange(preflight(CONSOLE));
    assertThat(response.status().code()).isEqualTo(204);
    assertThat(response.headers().get(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo(CONSOLE);
    assertThat(response.headers().get(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS)).isEqualTo("POST");
    assertThat(response.headers().get(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS)).contains("x-amz-target", "authorization");
    assertThat(response.headers().get(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isNull();
    assertThat(response.headers().get(HttpHeaderNames.VARY)).isEqualTo("Origin");
    response.release();
  }

  @Test
  void thePreflightOfAnotherOriginIsRefusedWithoutCorsHeaders() {
    FullHttpResponse response = exchange(preflight("http://evil.example:4600"));
    assertThat(response.status().code()).isEqualTo(403);
    assertThat(response.headers().get(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
    assertThat(response.headers().get(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS)).isNull();
    response.release();
  }

  @Test
  void answersToTheConsoleCarryTheOriginAndExposeTheRequestId() {
    FullHttpResponse response = exchange(post(CONSOLE));
    assertThat(response.headers().get(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo(CONSOLE);
    assertThat(response.headers().get(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS)).contains("x-amzn-RequestId");
    response.release();
  }

  @Test
  void answersToOtherOriginsAndToNonBrowsersCarryNoCorsHeader() {
    for (String origin : new String[] {"http://evil.example:4600", null}) {
      FullHttpResponse response = exchange(post(origin));
      assertThat(response.headers().get(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
      assertThat(response.headers().get(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS)).isNull();
      response.release();
    }
  }

  private FullHttpResponse exchange(FullHttpRequest request) {
    channel.writeInbound(request);
    channel.runPendingTasks();
    return channel.readOutbound();
  }

  private static FullHttpRequest preflight(String origin) {
    FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.OPTIONS, "/");
    r.headers().set(HttpHeaderNames.HOST, "127.0.0.1:4599").set(HttpHeaderNames.ORIGIN, origin)
        .set(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .set(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,x-amz-date,x-amz-target");
    return r;
  }

  private static FullHttpRequest post(String origin) {
    FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
        Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
    r.headers().set(HttpHeaderNames.HOST, "127.0.0.1:4599").set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.1")
        .set("X-Amz-Target", "TrentService.ListKeys");
    if (origin != null) {
      r.headers().set(HttpHeaderNames.ORIGIN, origin);
    }
    return r;
  }
}
