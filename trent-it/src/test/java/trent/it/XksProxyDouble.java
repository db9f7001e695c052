package trent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import trent.domain.error.KmsException;
import trent.protocol.sigv4.SignedRequest;
import trent.protocol.sigv4.SigV4Verifier;

/**
 * A small external key store proxy for tests, speaking the XKS proxy API version 1 over HTTPS
 * with a certificate of a test CA: it verifies every request's SigV4 signature (service
 * {@code kms-xks-proxy}) with Trent's own verifier, and encrypts with AES-256-GCM under keys it
 * holds, binding the ciphertext metadata into the AAD as the specification asks. It records the
 * requestMetadata it was sent, so a test can see that Trent really called it.
 */
final class XksProxyDouble implements AutoCloseable {

  static final String ACCESS_KEY_ID = "AKIAXKSDOUBLEACCESS23";
  static final String SECRET = "c2VjcmV0IG9mIHRoZSBYS1MgcHJveHkgdGVzdCBkb3VibGUhIQ==";
  static final String PATH = "/double/kms/xks/v1";

  record Key(SecretKey secret, String spec, List<String> usage, String status) {}

  private final HttpsServer server;
  private final Path trustedCa;
  private final SigV4Verifier verifier;
  private final Map<String, Key> keys = new ConcurrentHashMap<>();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();

  private XksProxyDouble(HttpsServer server, Path trustedCa) {
    this.server = server;
    this.trustedCa = trustedCa;
    this.verifier = new SigV4Verifier(id -> ACCESS_KEY_ID.equals(id) ? Optional.of(SECRET) : Optional.empty(),
        Clock.systemUTC(), "kms-xks-proxy");
  }

  static XksProxyDouble start() throws Exception {
    TlsIT.Issued ca = TlsIT.certificate("XKS Test CA", TlsIT.ecKeys(), null, true);
    TlsIT.Issued tls = TlsIT.certificate("localhost", TlsIT.ecKeys(), ca, false);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("tls", tls.keys().getPrivate(), new char[0],
        new java.security.cert.Certificate[] {tls.certificate(), ca.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, new char[0]);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    Path caFile = Files.createTempFile("xks-ca", ".pem");
    Files.writeString(caFile, TlsIT.pem("CERTIFICATE", ca.certificate().getEncoded()));
    XksProxyDouble proxy = new XksProxyDouble(server, caFile);
    server.createContext("/", proxy::handle);
    server.start();
    return proxy;
  }

  /** Where Trent connects for this proxy. */
  java.net.URI uri() {
    return java.net.URI.create("https://localhost:" + server.getAddress().getPort());
  }

  /** The test CA the proxy's certificate chains to, as a PEM file. */
  Path trustedCa() {
    return trustedCa;
  }

  /** Adds an external key. */
  void addKey(String id, String spec, List<String> usage, String status) throws Exception {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    keys.put(id, new Key(generator.generateKey(), spec, usage, status));
  }

  void setStatus(String id, String status) {
    keys.computeIfPresent(id, (k, v) -> new Key(v.secret(), v.spec(), v.usage(), status));
  }

  /** The requestMetadata of every request, oldest first. */
  List<JsonNode> requests() {
    return new ArrayList<>(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, error("ValidationException"));
        return;
      }
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
      String path = exchange.getRequestURI().getRawPath();
      try {
        verifier.verify(new SignedRequest("POST", path, "", headers, body));
      } catch (KmsException e) {
        answer(exchange, 401, error("AuthenticationFailedException"));
        return;
      }
      if (!path.startsWith(PATH + "/")) {
        answer(exchange, 404, error("InvalidUriPathException"));
        return;
      }
      JsonNode request = json.readTree(body);
      requests.add(request.path("requestMetadata"));
      String operation = path.substring(PATH.length() + 1);
      if (operation.equals("health")) {
        ObjectNode health = json.createObjectNode().put("xksProxyFleetSize", 1).put("xksProxyVendor", "Trent tests")
            .put("xksProxyModel", "XksProxyDouble").put("ekmVendor", "Trent tests");
        health.putArray("ekmFleetDetails").addObject().put("id", "hsm-1").put("model", "JDK AES-GCM")
            .put("healthStatus", "ACTIVE");
        answer(exchange, 200, health);
        return;
      }
      String[] parts = operation.split("/");
      if (parts.length != 3 || !parts[0].equals("keys")) {
        answer(exchange, 404, error("InvalidUriPathException"));
        return;
      }
      Key key = keys.get(parts[1]);
      if (key == null) {
        answer(exchange, 404, error("KeyNotFoundException"));
        return;
      }
      switch (parts[2]) {
        case "metadata" -> {
          ObjectNode metadata = json.createObjectNode().put("keySpec", key.spec()).put("keyStatus", key.status());
          key.usage().forEach(metadata.putArray("keyUsage")::add);
          answer(exchange, 200, metadata);
        }
        case "encrypt" -> answer(exchange, key.status().equals("ENABLED") ? 200 : 400,
            key.status().equals("ENABLED") ? encrypt(key, request) : error("InvalidStateException"));
        case "decrypt" -> decrypt(exchange, key, request);
        default -> answer(exchange, 404, error("InvalidUriPathException"));
      }
    } catch (Exception e) {
      answer(exchange, 500, error("InternalException"));
    }
  }

  private ObjectNode encrypt(Key key, JsonNode request) throws Exception {
    byte[] plaintext = b64(request, "plaintext");
    byte[] aad = b64(request, "additionalAuthenticatedData");
    byte[] metadata = "key_version=1".getBytes(StandardCharsets.US_ASCII);
    byte[] iv = new byte[12];
    random.nextBytes(iv);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(128, iv));
    gcm.updateAAD(hsmAad(aad, metadata));
    byte[] out = gcm.doFinal(plaintext);
    byte[] ciphertext = java.util.Arrays.copyOf(out, out.length - 16);
    byte[] tag = java.util.Arrays.copyOfRange(out, out.length - 16, out.length);
    MessageDigest cdiv = MessageDigest.getInstance("SHA-256");
    cdiv.update(aad);
    cdiv.update(metadata);
    cdiv.update(iv);
    cdiv.update(ciphertext);
    cdiv.update(tag);
    Base64.Encoder e = Base64.getEncoder();
    return json.createObjectNode().put("ciphertext", e.encodeToString(ciphertext))
        .put("ciphertextMetadata", e.encodeToString(metadata)).put("initializationVector", e.encodeToString(iv))
        .put("authenticationTag", e.encodeToString(tag)).put("ciphertextDataIntegrityValue", e.encodeToString(cdiv.digest()));
  }

  private void decrypt(HttpExchange exchange, Key key, JsonNode request) throws Exception {
    if (!key.status().equals("ENABLED")) {
      answer(exchange, 400, error("InvalidStateException"));
      return;
    }
    byte[] ciphertext = b64(request, "ciphertext");
    byte[] tag = b64(request, "authenticationTag");
    byte[] metadata = request.has("ciphertextMetadata") ? b64(request, "ciphertextMetadata") : new byte[0];
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(128, b64(request, "initializationVector")));
    gcm.updateAAD(hsmAad(b64(request, "additionalAuthenticatedData"), metadata));
    byte[] in = ByteBuffer.allocate(ciphertext.length + tag.length).put(ciphertext).put(tag).array();
    try {
      byte[] plaintext = gcm.doFinal(in);
      answer(exchange, 200, json.createObjectNode().put("plaintext", Base64.getEncoder().encodeToString(plaintext)));
    } catch (AEADBadTagException e) {
      answer(exchange, 400, error("InvalidCiphertextException"));
    }
  }

  /** The specification's AAD for the HSM: 2-byte AAD length, AAD, 1-byte metadata length, metadata. */
  private static byte[] hsmAad(byte[] aad, byte[] metadata) {
    return ByteBuffer.allocate(2 + aad.length + 1 + metadata.length).putShort((short) aad.length).put(aad)
        .put((byte) metadata.length).put(metadata).array();
  }

  private static byte[] b64(JsonNode request, String member) {
    return request.hasNonNull(member) ? Base64.getDecoder().decode(request.get(member).asText()) : new byte[0];
  }

  private ObjectNode error(String name) {
    return json.createObjectNode().put("errorName", name);
  }

  private void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
