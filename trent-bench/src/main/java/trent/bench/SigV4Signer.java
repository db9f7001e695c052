package trent.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests with AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}, {@code Authorization}
 * header form), as a client of an AWS JSON 1.1 service does.
 *
 * <p>Scope: requests whose path is already in canonical form (such as {@code /}, which every AWS
 * JSON 1.1 request uses) and whose query is empty; header values are trimmed but inner runs of
 * spaces are not collapsed. That is all a KMS client needs; it is checked against the server's
 * {@code trent.protocol.sigv4.SigV4Verifier} in {@code SigV4SignerTest}.
 *
 * <p>The derived signing key (four HMACs) is cached per day; the string to sign and the signature
 * (two SHA-256 and one HMAC) are computed for every request, as a real client does. Thread-safe:
 * each thread has its own {@link Mac} and {@link MessageDigest}.
 */
public final class SigV4Signer {

  /** The signing algorithm named in the {@code Authorization} header. */
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private static final HexFormat HEX = HexFormat.of();

  private final String accessKeyId;
  private final String secretAccessKey;
  private final String region;
  private final String service;
  private final ThreadLocal<Mac> hmac = ThreadLocal.withInitial(SigV4Signer::newMac);
  private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(SigV4Signer::newSha256);
  private volatile DayKey dayKey;

  public SigV4Signer(String accessKeyId, String secretAccessKey, String region, String service) {
    this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
    this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    this.region = Objects.requireNonNull(region, "region");
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * Returns the {@code Authorization} header value for a request.
   *
   * @param method e.g. {@code POST}
   * @param canonicalPath the path in canonical form, e.g. {@code /}
   * @param amzDate the value of the signed {@code X-Amz-Date} header, {@code yyyyMMdd'T'HHmmss'Z'}
   * @param headers the headers to sign (names in any case; each name once), which must include
   *     {@code host} and {@code x-amz-date}
   * @param body the request body
   */
  public String authorization(
      String method, String canonicalPath, String amzDate, List<Map.Entry<String, String>> headers, byte[] body) {
    List<Map.Entry<String, String>> sorted = new ArrayList<>(headers.size());
    for (Map.Entry<String, String> h : headers) {
      sorted.add(Map.entry(h.getKey().toLowerCase(Locale.ROOT), h.getValue().trim()));
    }
    sorted.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));

    StringBuilder signedHeaders = new StringBuilder(64);
    StringBuilder canonical = new StringBuilder(256);
    canonical.append(method).append('\n').append(canonicalPath).append("\n\n");
    for (Map.Entry<String, String> h : sorted) {
      canonical.append(h.getKey()).append(':').append(h.getValue()).append('\n');
      if (signedHeaders.length() > 0) {
        signedHeaders.append(';');
      }
      signedHeaders.append(h.getKey());
    }
    canonical.append('\n').append(signedHeaders).append('\n').append(sha256Hex(body));

    String date = amzDate.substring(0, 8);
    String scope = date + '/' + region + '/' + service + "/aws4_request";
    String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
        + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    String signature =
        HEX.formatHex(hmac(signingKey(date), stringToSign.getBytes(StandardCharsets.UTF_8)));
    return ALGORITHM + " Credential=" + accessKeyId + '/' + scope + ", SignedHeaders=" + signedHeaders
        + ", Signature=" + signature;
  }

  /** Formats {@code instant} (to the second) as an {@code X-Amz-Date} value. */
  public static String amzDate(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    return String.format(Locale.ROOT, "%04d%02d%02dT%02d%02d%02dZ",
        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
  }

  private byte[] signingKey(String date) {
    DayKey k = dayKey;
    if (k != null && k.date.equals(date)) {
      return k.key;
    }
    byte[] kDate = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), utf8(date));
    byte[] kRegion = hmac(kDate, utf8(region));
    byte[] kService = hmac(kRegion, utf8(service));
    byte[] key = hmac(kService, utf8("aws4_request"));
    dayKey = new DayKey(date, key);
    return key;
  }

  private String sha256Hex(byte[] data) {
    MessageDigest d = sha256.get();
    d.reset();
    return HEX.formatHex(d.digest(data));
  }

  private byte[] hmac(byte[] key, byte[] data) {
    Mac mac = hmac.get();
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 rejected its key", e);
    }
    return mac.doFinal(data);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "SigV4Signer[accessKeyId=" + accessKeyId + ", region=" + region + ", service=" + service + "]";
  }

  /** A day's signing key; replaced as a whole so readers never see a half-updated pair. */
  private record DayKey(String date, byte[] key) {}
}
