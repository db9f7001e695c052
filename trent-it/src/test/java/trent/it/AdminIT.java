package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** The admin listener of a real server: metrics after real SDK calls, and health. */
class AdminIT {

  private static HttpResponse<String> get(URI admin, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(admin.resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsCountRequestsByOperationAndErrorCode() throws Exception {
    try (RunningTrent trent = RunningTrent.developmentMode(); KmsClient kms = trent.client()) {
      URI admin = trent.server().adminEndpoint();
      assertThat(admin.getPort()).isNotEqualTo(trent.server().port());
      String keyId = kms.createKey(r -> r.description("counted")).keyMetadata().keyId();
      for (int i = 0; i < 3; i++) {
        kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")));
      }
      try {
        kms.describeKey(r -> r.keyId("alias/none"));
      } catch (NotFoundException expected) {
        // counted under its error code
      }

      HttpResponse<String> scrape = get(admin, "/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      String metrics = scrape.body();
      assertThat(metrics)
          .contains("trent_requests_seconds_count{errorCode=\"none\",operation=\"Encrypt\",outcome=\"success\"} 3")
          .contains("trent_requests_seconds_count{errorCode=\"none\",operation=\"CreateKey\",outcome=\"success\"} 1")
          .contains("trent_requests_seconds_count{errorCode=\"NotFoundException\",operation=\"DescribeKey\","
              + "outcome=\"client_fault\"} 1")
          .contains("trent_requests_seconds_bucket{errorCode=\"none\",operation=\"Encrypt\",outcome=\"success\",le=")
          .contains("trent_cache_requests_total{cache=\"keys\",result=\"hit\"}")
          .contains("jvm_memory_used_bytes");
      // Operations not yet called are there from the start, at zero.
      assertThat(metrics)
          .contains("trent_requests_seconds_count{errorCode=\"none\",operation=\"Decrypt\",outcome=\"success\"} 0");
    }
  }

  @Test
  void auditMetricsAppearWhenTheAuditLogIsOn() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempDirectory("trent-audit").resolve("a.jsonl");
    try (RunningTrent trent = RunningTrent.start(b -> b.audit(file.toString(), 16, true));
         KmsClient kms = trent.client()) {
      kms.listKeys();
      String metrics = get(trent.server().adminEndpoint(), "/metrics").body();
      assertThat(metrics).contains("trent_audit_queue_depth").contains("trent_audit_events_total{result=\"dropped\"} 0");
    }
  }

  @Test
  void healthEndpoints() throws Exception {
    try (RunningTrent trent = RunningTrent.developmentMode()) {
      URI admin = trent.server().adminEndpoint();
      assertThat(get(admin, "/health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(admin, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"status\":\"UP\"");
    }
  }
}
