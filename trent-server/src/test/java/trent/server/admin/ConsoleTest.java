package trent.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import trent.protocol.Identity;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/**
 * The console on a real server with identities: its page and settings, CORS on the main listener,
 * and the signed audit endpoint showing each caller only the events it may see.
 */
class ConsoleTest {

  static final Identity ROOT = new Identity("AKIDROOT", "root-secret", "111122223333", "arn:aws:iam::111122223333:root");
  static final Identity ALICE = new Identity("AKIDALICE", "alice-secret", "111122223333",
      "arn:aws:iam::111122223333:user/alice");
  static TrentServer server;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    server = TrentServer.start(TrentConfig.builder().port(0).inMemory(true).identities(List.of(ROOT, ALICE)).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.adminEndpoint().resolve(path));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A KMS request on the main listener, signed as {@code who}. */
  static JsonNode kms(Identity who, String operation, String body) throws Exception {
    URI endpoint = server.endpoint();
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
        .putHeader("Content-Type", "application/x-amz-json-1.1").putHeader("X-Amz-Target", "TrentService." + operation)
        .build();
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body));
    sign(who, request, body.getBytes(StandardCharsets.UTF_8)).forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        values.forEach(v -> b.header(name, v));
      }
    });
    return json.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  /** GET /console/api/audit signed as {@code who}. */
  static HttpResponse<String> audit(Identity who, String query) throws Exception {
    URI uri = server.adminEndpoint().resolve("/console/api/audit" + (query.isEmpty() ? "" : "?" + query));
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    sign(who, request, new byte[0]).forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        values.forEach(v -> b.header(name, v));
      }
    });
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Map<String, List<String>> sign(Identity who, SdkHttpRequest request, byte[] body) {
    return AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(who.accessKeyId(), who.secretAccessKey()))
        .request(request)
        .payload(() -> new ByteArrayInputStream(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request().headers();
  }

  @Test
  void theConsoleIsServedGzippedWithItsSecurityHeaders() throws Exception {
    HttpResponse<byte[]> page = get("/console/", Map.of("Accept-Encoding", "gzip"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'", "connect-src 'self' http://127.0.0.1:" + server.port());
    String html = new String(new GZIPInputStream(new ByteArrayInputStream(page.body())).readAllBytes(), StandardCharsets.UTF_8);
    assertThat(html).contains("<div id=\"app\">");
    String script = html.replaceAll("(?s).*src=\"(/console/assets/[^\"]+\\.js)\".*", "$1");
    HttpResponse<byte[]> asset = get(script, Map.of());
    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");

    assertThat(get("/console", Map.of()).statusCode()).isEqualTo(302);
    assertThat(get("/console/assets/nope.js", Map.of()).statusCode()).isEqualTo(404);
    assertThat(get("/console/../metrics", Map.of()).statusCode()).isIn(200, 404); // never a file outside trent/console
  }

  @Test
  void theSettingsNameTheKmsPortAndTheMode() throws Exception {
    JsonNode config = json.readTree(get("/console/config.json", Map.of()).body());
    assertThat(config.get("kmsPort").asInt()).isEqualTo(server.port());
    assertThat(config.get("kmsScheme").asText()).isEqualTo("http");
    assertThat(config.get("developmentMode").asBoolean()).isFalse();
    assertThat(config.has("account")).isFalse();
  }

  @Test
  void theMainListenerAllowsTheConsolesOriginOnly() throws Exception {
    String console = "http://127.0.0.1:" + server.adminEndpoint().getPort();
    for (String origin : List.of(console, "http://evil.example:" + server.adminEndpoint().getPort())) {
      HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(server.endpoint())
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
          .header("Access-Control-Request-Method", "POST")
          .header("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-date,authorization").build(),
          HttpResponse.BodyHandlers.ofString());
      boolean allowed = origin.equals(console);
      assertThat(preflight.statusCode()).isEqualTo(allowed ? 204 : 403);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEqualTo(
          allowed ? java.util.Optional.of(console) : java.util.Optional.empty());
    }
  }

  @Test
  void theAuditEndpointNeedsASignature() throws Exception {
    HttpResponse<byte[]> unsigned = get("/console/api/audit", Map.of());
    assertThat(unsigned.statusCode()).isEqualTo(400); // as the KMS API answers it
    assertThat(new String(unsigned.body(), StandardCharsets.UTF_8)).contains("MissingAuthenticationTokenException");
    Identity wrong = new Identity("AKIDROOT", "not-the-secret", "111122223333", "arn:aws:iam::111122223333:root");
    HttpResponse<String> forged = audit(wrong, "");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("InvalidSignatureException");
  }

  @Test
  void eachCallerSeesTheEventsItMaySee() throws Exception {
    String keyId = kms(ROOT, "CreateKey", "{\"Description\":\"console test\"}").path("KeyMetadata").path("KeyId").asText();
    JsonNode denied = kms(ALICE, "DisableKey", "{\"KeyId\":\"" + keyId + "\"}");
    assertThat(denied.path("__type").asText()).isEqualTo("AccessDeniedException");

    JsonNode root = json.readTree(audit(ROOT, "key=" + keyId).body());
    assertThat(root.path("caller").path("arn").asText()).isEqualTo(ROOT.arn());
    assertThat(root.path("events").findValuesAsText("eventName")).containsExactly("DisableKey", "CreateKey");

    JsonNode alice = json.readTree(audit(ALICE, "").body());
    assertThat(alice.path("events")).isNotEmpty();
    for (JsonNode e : alice.path("events")) {
      assertThat(e.path("userIdentity").path("arn").asText()).isEqualTo(ALICE.arn());
    }
    JsonNode aliceErrors = json.readTree(audit(ALICE, "error=AccessDeniedException&operation=DisableKey").body());
    assertThat(aliceErrors.path("events")).hasSize(1);
    assertThat(aliceErrors.path("events").get(0).path("errorCode").asText()).isEqualTo("AccessDeniedException");
    JsonNode limited = json.readTree(audit(ROOT, "limit=1").body());
    assertThat(limited.path("events")).hasSize(1);
  }
}
