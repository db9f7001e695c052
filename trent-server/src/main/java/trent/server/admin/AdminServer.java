package trent.server.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin listener, plain HTTP on its own port (the JDK's HTTP server: low traffic, one thread):
 * <ul>
 *   <li>{@code GET /metrics}: every meter in the Prometheus text format;
 *   <li>{@code GET /health/live}: 200 while the process serves;
 *   <li>{@code GET /health/ready}: 200 when {@link Health} passes, 503 otherwise, with a small JSON
 *       body naming each check;
 *   <li>{@code /console/}: the web console, when given one ({@link Console}).
 * </ul>
 * Anything else is 404; a method other than GET or HEAD is 405. It carries no secrets and no key
 * material, but it tells who can reach it how busy the server is: bind it where only monitoring
 * can reach it.
 */
public final class AdminServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private AdminServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds {@code host:port} (0 picks a free port) and starts serving. */
  public static AdminServer start(String host, int port, PrometheusMeterRegistry registry, Health health) {
    return start(host, port, registry, health, null);
  }

  /** As {@link #start(String, int, PrometheusMeterRegistry, Health)}, also serving {@code console} (may be null). */
  public static AdminServer start(String host, int port, PrometheusMeterRegistry registry, Health health,
      Console console) {
    return start(host, port, registry, health, console, () -> { });
  }

  /**
   * As {@link #start(String, int, PrometheusMeterRegistry, Health, Console)}; {@code beforeScrape}
   * runs before each scrape of {@code /metrics} (e.g. to wait for meters still being bound).
   */
  public static AdminServer start(String host, int port, PrometheusMeterRegistry registry, Health health,
      Console console, Runnable beforeScrape) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("admin.port: cannot listen on " + host + ":" + port, e);
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "trent-admin");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, registry, health, console, beforeScrape));
    server.start();
    return new AdminServer(server, executor);
  }

  private static void handle(HttpExchange exchange, PrometheusMeterRegistry registry, Health health,
      Console console, Runnable beforeScrape) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (console != null && Console.owns(path)) {
        console.handle(exchange);
        return;
      }
      boolean known = path.equals("/metrics") || path.equals("/health/live") || path.equals("/health/ready");
      if (!known) {
        send(exchange, 404, "application/json", "{\"status\":\"NOT_FOUND\"}");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "application/json", "{\"status\":\"METHOD_NOT_ALLOWED\"}");
      } else if (path.equals("/metrics")) {
        beforeScrape.run();
        send(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
      } else if (path.equals("/health/live")) {
        send(exchange, 200, "application/json", "{\"status\":\"UP\"}");
      } else {
        Health.Readiness readiness = health.readiness();
        send(exchange, readiness.ready() ? 200 : 503, "application/json", readiness.json());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("admin: request failed", e);
      throw e;
    }
  }

  static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
