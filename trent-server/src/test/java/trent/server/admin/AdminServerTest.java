package trent.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trent.storage.memory.InMemoryStorage;

/** The admin listener's health endpoints, with a store and a root we can break. */
class AdminServerTest {

  private final InMemoryStorage storage = new InMemoryStorage();
  private final AtomicBoolean rootOpen = new AtomicBoolean(true);
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AdminServer admin =
      AdminServer.start("127.0.0.1", 0, registry, new Health(storage, rootOpen::get));
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    admin.close();
    storage.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readyWhileTheStoreAnswersAndTheRootIsUnwrapped() throws Exception {
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"storage\":\"UP\",\"rootOfTrust\":\"UP\"}}");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void notReadyWhenTheStoreIsClosed() throws Exception {
    storage.close();
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"storage\":\"DOWN\",\"rootOfTrust\":\"UP\"}}");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void notReadyWhenTheKeyringIsClosed() throws Exception {
    rootOpen.set(false);
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"rootOfTrust\":\"DOWN\"");
  }

  @Test
  void metricsAreInThePrometheusTextFormat() throws Exception {
    registry.counter("trent.test.things").increment(3);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValue(AdminServer.PROMETHEUS_TEXT);
    assertThat(metrics.body()).contains("trent_test_things_total 3.0");
  }

  @Test
  void otherPathsAreNotFound() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(get("/health").statusCode()).isEqualTo(404);
  }
}
