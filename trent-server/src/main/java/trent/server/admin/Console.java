package trent.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import trent.protocol.Answer;
import trent.protocol.Authenticator;
import trent.protocol.ErrorRenderer;
import trent.protocol.sigv4.SignedRequest;
import trent.server.audit.RecentAuditEvents;

/**
 * The web console on the admin listener, under {@code /console/}:
 * <ul>
 *   <li>{@code GET /console/} and {@code /console/assets/*}: the built front end, from the
 *       classpath ({@code trent/console/**}, packaged by the {@code trent-console} module),
 *       gzip-compressed when the browser accepts it;
 *   <li>{@code GET /console/config.json}: what the console needs to know before it can call the
 *       KMS API: the main listener's port and scheme, and whether the server is in development mode
 *       (no sign-in). No secret;
 *   <li>{@code GET /console/api/audit}: the last audit events the caller may see
 *       ({@link trent.server.audit.AuditVisibility}), newest first. The request must be signed with
 *       SigV4 exactly like a KMS request (service {@code kms}); it is authenticated by the same
 *       {@link Authenticator} as the KMS API, and a failure is answered with the same error body
 *       ({@code __type}, {@code message}). Query: {@code limit} (default 200, at most 1000),
 *       {@code key}, {@code principal}, {@code operation}, {@code error}
 *       ({@link RecentAuditEvents.Filter}).
 * </ul>
 * The console itself is only a client of the KMS API: it holds no session, and everything it does
 * is a signed KMS request, authorized and audited like any other.
 */
public final class Console {

  static final String PREFIX = "/console";
  static final String AUDIT_PATH = "/console/api/audit";
  static final String CONFIG_PATH = "/console/config.json";
  private static final String RESOURCES = "trent/console/";
  private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
  private static final int DEFAULT_LIMIT = 200;
  private static final int MAX_LIMIT = 1000;

  /** What the console's page needs to find the KMS API. */
  public record Settings(int kmsPort, boolean tls, boolean developmentMode, String developmentAccount) {}

  private final java.util.function.Supplier<Settings> settings;
  private final Authenticator authenticator;
  private final RecentAuditEvents recent;
  private final ObjectMapper mapper = new ObjectMapper();
  private final ErrorRenderer errors = new ErrorRenderer(mapper);
  private final ClassLoader loader;
  private final Map<String, Optional<Asset>> assets = new ConcurrentHashMap<>();

  /**
   * @param settings read on each request for {@code config.json} (the main port may be known only
   *     after the admin listener started)
   */
  public Console(java.util.function.Supplier<Settings> settings, Authenticator authenticator, RecentAuditEvents recent) {
    this(settings, authenticator, recent, Console.class.getClassLoader());
  }

  Console(java.util.function.Supplier<Settings> settings, Authenticator authenticator, RecentAuditEvents recent,
      ClassLoader loader) {
    this.settings = settings;
    this.authenticator = authenticator;
    this.recent = recent;
    this.loader = loader;
  }

  /** Whether {@code path} is the console's. */
  static boolean owns(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      AdminServer.send(exchange, 405, "application/json", "{\"status\":\"METHOD_NOT_ALLOWED\"}");
      return;
    }
    if (path.equals(PREFIX)) {
      exchange.getResponseHeaders().set("Location", PREFIX + "/");
      exchange.sendResponseHeaders(302, -1);
      return;
    }
    if (path.equals(CONFIG_PATH)) {
      config(exchange);
    } else if (path.equals(AUDIT_PATH)) {
      audit(exchange);
    } else {
      String rel = path.substring(PREFIX.length() + 1);
      static_(exchange, rel.isEmpty() ? "index.html" : rel);
    }
  }

  private void config(HttpExchange exchange) throws IOException {
    Settings s = settings.get();
    ObjectNode body = mapper.createObjectNode();
    body.put("kmsPort", s.kmsPort());
    body.put("kmsScheme", s.tls() ? "https" : "http");
    body.put("developmentMode", s.developmentMode());
    if (s.developmentMode()) {
      body.put("account", s.developmentAccount());
    }
    body.put("defaultRegion", "us-east-1");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    AdminServer.send(exchange, 200, "application/json", mapper.writeValueAsString(body));
  }

  private void audit(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    String requestId = java.util.UUID.randomUUID().toString();
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    Authenticator.Authenticated auth;
    try {
      auth = authenticator.authenticate(signedRequest(exchange));
    } catch (RuntimeException e) {
      Answer answer = errors.render(e, "ConsoleAudit", requestId);
      AdminServer.send(exchange, answer.status(), "application/json", new String(answer.body(), StandardCharsets.UTF_8));
      return;
    }
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    int limit = DEFAULT_LIMIT;
    try {
      if (q.containsKey("limit")) {
        limit = Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(q.get("limit"))));
      }
    } catch (NumberFormatException e) {
      AdminServer.send(exchange, 400, "application/json",
          "{\"__type\":\"ValidationException\",\"message\":\"limit must be a number between 1 and 1000\"}");
      return;
    }
    RecentAuditEvents.Filter filter = new RecentAuditEvents.Filter(q.get("key"), q.get("principal"), q.get("operation"),
        q.get("error"));
    String events = RecentAuditEvents.json(recent.visibleTo(auth.caller(), filter, limit));
    ObjectNode who = mapper.createObjectNode();
    who.put("arn", auth.caller().principalArn());
    who.put("account", auth.caller().account());
    String body = "{\"caller\":" + mapper.writeValueAsString(who) + ",\"events\":" + events + "}";
    AdminServer.send(exchange, 200, "application/json", body);
  }

  static SignedRequest signedRequest(HttpExchange exchange) throws IOException {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      for (String v : values) {
        headers.add(new AbstractMap.SimpleImmutableEntry<>(name, v));
      }
    });
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(64 * 1024);
    }
    String query = exchange.getRequestURI().getRawQuery();
    return new SignedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        query == null ? "" : query, headers, body);
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(name, value);
    }
    return out;
  }

  // --- the built front end -----------------------------------------------------------------------

  private record Asset(byte[] bytes, byte[] gzipped, String contentType, boolean immutable) {}

  private void static_(HttpExchange exchange, String rel) throws IOException {
    Optional<Asset> found = ASSET.matcher(rel).matches() && !rel.contains("..")
        ? assets.computeIfAbsent(rel, this::load) : Optional.empty();
    if (found.isEmpty()) {
      if (rel.equals("index.html")) {
        AdminServer.send(exchange, 404, "text/plain; charset=utf-8",
            "The web console was not built into this server (module trent-console).\n");
      } else {
        AdminServer.send(exchange, 404, "application/json", "{\"status\":\"NOT_FOUND\"}");
      }
      return;
    }
    Asset asset = found.get();
    var h = exchange.getResponseHeaders();
    h.set("Content-Type", asset.contentType());
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Cache-Control", asset.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
    if (asset.contentType().startsWith("text/html")) {
      h.set("X-Frame-Options", "DENY");
      h.set("Referrer-Policy", "no-referrer");
      h.set("Content-Security-Policy", contentSecurityPolicy(exchange));
    }
    h.set("Vary", "Accept-Encoding");
    String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    byte[] body = asset.bytes();
    if (asset.gzipped() != null && accept != null && accept.contains("gzip")) {
      h.set("Content-Encoding", "gzip");
      body = asset.gzipped();
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(200, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Scripts and styles only from the console itself; requests only to itself and the KMS API. */
  private String contentSecurityPolicy(HttpExchange exchange) {
    Settings s = settings.get();
    String host = exchange.getRequestHeaders().getFirst("Host");
    String hostname = host == null ? "127.0.0.1" : host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
        : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    String kms = (s.tls() ? "https://" : "http://") + hostname + ":" + s.kmsPort();
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self' " + kms + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  }

  private Optional<Asset> load(String rel) {
    try (InputStream in = loader.getResourceAsStream(RESOURCES + rel)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      String type = contentType(rel);
      byte[] gzipped = null;
      if (type.startsWith("text/") || type.startsWith("application/json") || type.equals("image/svg+xml")) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(buffer)) {
          gz.write(bytes);
        }
        gzipped = buffer.toByteArray();
      }
      return Optional.of(new Asset(bytes, gzipped, type, rel.startsWith("assets/")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the console's " + rel, e);
    }
  }

  static String contentType(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "js", "mjs" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "json", "map" -> "application/json";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "ico" -> "image/x-icon";
      case "woff2" -> "font/woff2";
      case "txt" -> "text/plain; charset=utf-8";
      default -> "application/octet-stream";
    };
  }
}
