package trent.server.xks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import trent.crypto.SecretBytes;
import trent.domain.customkeystore.XksProxy;
import trent.domain.customkeystore.XksProxyException;
import trent.domain.customkeystore.XksProxyException.Kind;

/**
 * The XKS proxy API, version 1 (aws/aws-kms-xksproxy-api-spec): {@code POST} of a JSON body to
 * {@code {endpoint}{uriPath}/health}, {@code /keys/{id}/metadata}, {@code /keys/{id}/encrypt} and
 * {@code /keys/{id}/decrypt}, signed with SigV4 (Appendix A: service {@code kms-xks-proxy}, signed
 * headers {@code host;x-amz-date}, the store's Region), each call bounded by a timeout.
 *
 * <p>Encrypt asks for the ciphertext data integrity value (SHA_256) and checks it (Appendix C); an
 * answer whose parts have lengths the specification does not allow, or that is not JSON of the
 * specified members, is {@link Kind#MALFORMED_RESPONSE}. A proxy's error answer is its
 * {@code errorName}; its {@code errorMessage} goes to the log only at debug level, never to a
 * caller. Plaintexts and the secret are never logged.
 *
 * <p>{@code routes} map an endpoint, as a store names it, to where to connect instead (for tests
 * and for proxies on another port than 443: the model allows no port in XksProxyUriEndpoint).
 */
public final class HttpXksProxy implements XksProxy {

  static final String SERVICE = "kms-xks-proxy";
  private static final HexFormat HEX = HexFormat.of();
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final HttpClient client;
  private final Duration timeout;
  private final Map<String, URI> routes;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public HttpXksProxy(SSLContext ssl, Duration timeout, Map<String, URI> routes, Clock clock) {
    this.client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    this.timeout = timeout;
    this.routes = Map.copyOf(routes);
    this.clock = clock;
  }

  @Override
  public void health(Endpoint endpoint, RequestMetadata metadata) {
    JsonNode answer = post(endpoint, "/health", body(metadata));
    JsonNode fleet = answer.path("ekmFleetDetails");
    if (!fleet.isArray() || fleet.isEmpty() || !answer.path("xksProxyVendor").isTextual()) {
      throw malformed("health answer without ekmFleetDetails or xksProxyVendor");
    }
  }

  @Override
  public KeyMetadata keyMetadata(Endpoint endpoint, String externalKeyId, RequestMetadata metadata) {
    JsonNode answer = post(endpoint, "/keys/" + externalKeyId + "/metadata", body(metadata));
    JsonNode usage = answer.path("keyUsage");
    if (!answer.path("keySpec").isTextual() || !usage.isArray() || !answer.path("keyStatus").isTextual()) {
      throw malformed("metadata answer without keySpec, keyUsage or keyStatus");
    }
    List<String> usages = new ArrayList<>();
    usage.forEach(u -> usages.add(u.asText()));
    return new KeyMetadata(answer.path("keySpec").asText(), usages, answer.path("keyStatus").asText());
  }

  @Override
  public Encrypted encrypt(Endpoint endpoint, String externalKeyId, SecretBytes plaintext, byte[] aad,
      RequestMetadata metadata) {
    ObjectNode body = body(metadata);
    byte[] pt = plaintext.revealCopy();
    try {
      body.put("plaintext", B64.encodeToString(pt));
    } finally {
      Arrays.fill(pt, (byte) 0);
    }
    body.put("encryptionAlgorithm", "AES_GCM");
    body.put("additionalAuthenticatedData", B64.encodeToString(aad));
    body.put("ciphertextDataIntegrityValueAlgorithm", "SHA_256");
    JsonNode answer = post(endpoint, "/keys/" + externalKeyId + "/encrypt", body);
    byte[] ciphertext = bytes(answer, "ciphertext", true);
    byte[] ciphertextMetadata = bytes(answer, "ciphertextMetadata", false);
    byte[] iv = bytes(answer, "initializationVector", true);
    byte[] tag = bytes(answer, "authenticationTag", true);
    byte[] cdiv = bytes(answer, "ciphertextDataIntegrityValue", true);
    if (ciphertext.length != plaintext.length() || (iv.length != 12 && iv.length != 16) || tag.length != 16
        || (ciphertextMetadata != null && ciphertextMetadata.length > 20)) {
      throw malformed("encrypt answer with parts of wrong lengths");
    }
    if (!MessageDigest.isEqual(cdiv, integrityValue(aad, ciphertextMetadata, iv, ciphertext, tag))) {
      throw malformed("the ciphertext data integrity value does not match");
    }
    return new Encrypted(ciphertext, ciphertextMetadata, iv, tag);
  }

  @Override
  public SecretBytes decrypt(Endpoint endpoint, String externalKeyId, Encrypted encrypted, byte[] aad,
      RequestMetadata metadata) {
    ObjectNode body = body(metadata);
    body.put("ciphertext", B64.encodeToString(encrypted.ciphertext()));
    if (encrypted.ciphertextMetadata() != null && encrypted.ciphertextMetadata().length > 0) {
      body.put("ciphertextMetadata", B64.encodeToString(encrypted.ciphertextMetadata()));
    }
    body.put("encryptionAlgorithm", "AES_GCM");
    body.put("additionalAuthenticatedData", B64.encodeToString(aad));
    body.put("authenticationTag", B64.encodeToString(encrypted.authenticationTag()));
    body.put("initializationVector", B64.encodeToString(encrypted.initializationVector()));
    JsonNode answer = post(endpoint, "/keys/" + externalKeyId + "/decrypt", body);
    byte[] plaintext = bytes(answer, "plaintext", true);
    if (plaintext.length != encrypted.ciphertext().length) {
      Arrays.fill(plaintext, (byte) 0);
      throw malformed("decrypt answer of another length than the ciphertext");
    }
    return SecretBytes.adopt(plaintext);
  }

  /** Appendix C: SHA-256 over AAD, ciphertext metadata, IV, ciphertext and tag, as present. */
  static byte[] integrityValue(byte[] aad, byte[] metadata, byte[] iv, byte[] ciphertext, byte[] tag) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      if (aad != null) {
        d.update(aad);
      }
      if (metadata != null) {
        d.update(metadata);
      }
      d.update(iv);
      d.update(ciphertext);
      d.update(tag);
      return d.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private ObjectNode body(RequestMetadata metadata) {
    ObjectNode body = json.createObjectNode();
    ObjectNode m = body.putObject("requestMetadata");
    if (metadata.awsPrincipalArn() != null) {
      m.put("awsPrincipalArn", metadata.awsPrincipalArn());
    }
    if (metadata.kmsKeyArn() != null) {
      m.put("kmsKeyArn", metadata.kmsKeyArn());
    }
    m.put("kmsOperation", metadata.kmsOperation());
    m.put("kmsRequestId", metadata.kmsRequestId());
    return body;
  }

  private JsonNode post(Endpoint endpoint, String suffix, ObjectNode body) {
    URI base = routes.getOrDefault(endpoint.uriEndpoint(), URI.create(endpoint.uriEndpoint()));
    String path = endpoint.uriPath() + suffix;
    URI uri = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
    byte[] payload;
    try {
      payload = json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a proxy request", e);
    }
    String host = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    String amzDate = amzDate();
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("X-Amz-Date", amzDate)
        .header("Authorization", authorization(endpoint, path, host, amzDate, payload))
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
        .build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new XksProxyException(Kind.TIMEOUT, "no answer from " + base + " in " + timeout, e);
    } catch (ConnectException e) {
      throw new XksProxyException(e.getCause() instanceof SSLException ? Kind.TLS : Kind.NOT_REACHABLE,
          "cannot connect to " + base, e);
    } catch (SSLException e) {
      throw new XksProxyException(Kind.TLS, "no TLS connection to " + base, e);
    } catch (IOException e) {
      throw new XksProxyException(e.getCause() instanceof SSLException ? Kind.TLS : Kind.NOT_REACHABLE,
          "cannot talk to " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new XksProxyException(Kind.TIMEOUT, "interrupted while calling " + base, e);
    }
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (IOException e) {
      answer = null;
    }
    if (response.statusCode() != 200) {
      String errorName = answer != null && answer.path("errorName").isTextual() ? answer.path("errorName").asText() : null;
      throw new XksProxyException(Kind.ofErrorName(errorName), "the proxy answered " + response.statusCode()
          + " " + errorName);
    }
    if (answer == null || !answer.isObject()) {
      throw malformed("a 200 answer that is not a JSON object");
    }
    return answer;
  }

  private String authorization(Endpoint endpoint, String path, String host, String amzDate, byte[] payload) {
    String canonical = "POST\n" + path + "\n\n"
        + "host:" + host + "\n" + "x-amz-date:" + amzDate + "\n\n"
        + "host;x-amz-date\n" + HEX.formatHex(sha256(payload));
    String scope = amzDate.substring(0, 8) + "/" + endpoint.region() + "/" + SERVICE + "/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
        + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    byte[] secret = endpoint.secretAccessKey().revealCopy();
    byte[] keySeed = new byte[4 + secret.length];
    System.arraycopy("AWS4".getBytes(StandardCharsets.US_ASCII), 0, keySeed, 0, 4);
    System.arraycopy(secret, 0, keySeed, 4, secret.length);
    Arrays.fill(secret, (byte) 0);
    try {
      byte[] k = hmac(keySeed, amzDate.substring(0, 8));
      k = hmac(k, endpoint.region());
      k = hmac(k, SERVICE);
      k = hmac(k, "aws4_request");
      String signature = HEX.formatHex(hmac(k, toSign));
      return "AWS4-HMAC-SHA256 Credential=" + endpoint.accessKeyId() + "/" + scope
          + ", SignedHeaders=host;x-amz-date, Signature=" + signature;
    } finally {
      Arrays.fill(keySeed, (byte) 0);
    }
  }

  private String amzDate() {
    LocalDateTime t = LocalDateTime.ofEpochSecond(clock.instant().getEpochSecond(), 0, ZoneOffset.UTC);
    return String.format(Locale.ROOT, "%04d%02d%02dT%02d%02d%02dZ", t.getYear(), t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static byte[] bytes(JsonNode answer, String member, boolean required) {
    JsonNode value = answer.get(member);
    if (value == null || value.isNull()) {
      if (required) {
        throw malformed("answer without " + member);
      }
      return null;
    }
    if (!value.isTextual()) {
      throw malformed(member + " is not a string");
    }
    try {
      return B64D.decode(value.asText());
    } catch (IllegalArgumentException e) {
      throw malformed(member + " is not base64");
    }
  }

  private static XksProxyException malformed(String why) {
    return new XksProxyException(Kind.MALFORMED_RESPONSE, why);
  }
}
