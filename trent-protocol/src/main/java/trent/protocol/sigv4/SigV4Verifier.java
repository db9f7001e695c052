package trent.protocol.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}, {@code Authorization} header form).
 *
 * <p><b>Guarantees.</b> {@link #verify} returns only if all of these hold, and otherwise throws the
 * error AWS returns for the first one that fails, with AWS's message (see {@code SigV4Errors} for
 * where each text was observed):
 *
 * <ol>
 *   <li>an {@code Authorization} header is present ({@code MissingAuthenticationTokenException})
 *       and has Credential, SignedHeaders and Signature, the request has {@code X-Amz-Date} or
 *       {@code Date}, and the credential has five elements ({@code IncompleteSignatureException});
 *   <li>the credential scope names a plausible region, this verifier's service, the terminator
 *       {@code aws4_request}, and the date of the request time ({@code
 *       InvalidSignatureException});
 *   <li>{@code host} and the date header used are signed ({@code IncompleteSignatureException});
 *   <li>the request time is within {@value #SKEW_MINUTES} minutes of the injected clock, either way
 *       ({@code InvalidSignatureException}, "Signature expired" / "Signature not yet current");
 *   <li>the access key id is known to the {@link CredentialStore} ({@code
 *       UnrecognizedClientException});
 *   <li>the signature equals the one computed over the canonical request, which always includes the
 *       SHA-256 of the body as received: an {@code X-Amz-Content-SHA256} header that disagrees with
 *       the body, or that is not a hash ({@code UNSIGNED-PAYLOAD}), makes the signature fail
 *       ({@code InvalidSignatureException}). The comparison takes constant time.
 * </ol>
 *
 * <p>It does not check session tokens ({@code X-Amz-Security-Token} is returned, not validated),
 * nor protect against replay within the skew window; both are the caller's concern.
 *
 * <p>Thread-safe. Each instance keeps its own bounded cache of derived signing keys and its own
 * per-thread {@link Mac} and {@link MessageDigest}; there is no static mutable state.
 */
public final class SigV4Verifier {

  /** Accepted clock skew, either way. KMS itself allows 5 minutes; Trent allows 15. */
  static final long SKEW_MINUTES = 15;

  private static final Duration SKEW = Duration.ofMinutes(SKEW_MINUTES);
  private static final int SIGNING_KEY_CACHE_SIZE = 1024;
  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final String TERMINATOR = "aws4_request";
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] TERMINATOR_BYTES = TERMINATOR.getBytes(StandardCharsets.US_ASCII);

  private final CredentialStore credentials;
  private final Clock clock;
  private final String service;
  private final SigningKeyCache signingKeys = new SigningKeyCache(SIGNING_KEY_CACHE_SIZE);
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  private final ThreadLocal<KeyedMac> signer = ThreadLocal.withInitial(() -> new KeyedMac(newMac()));
  private final ThreadLocal<MessageDigest> sha256 =
      ThreadLocal.withInitial(SigV4Verifier::newSha256);

  /**
   * @param credentials where secret access keys are looked up
   * @param clock the time against which the request time is checked
   * @param service the service name the credential scope must carry, {@code "kms"} for Trent
   */
  public SigV4Verifier(CredentialStore credentials, Clock clock, String service) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.service = Objects.requireNonNull(service, "service");
    if (service.isEmpty()) {
      throw new IllegalArgumentException("service must not be empty");
    }
    // Fail at construction, not on the first request, if the JDK lacks the algorithms.
    newMac();
    newSha256();
  }

  /**
   * Fully verifies the request's signature; see the class description for what is checked.
   *
   * @return who signed the request and for which scope
   * @throws trent.domain.error.KmsException one of {@code MissingAuthenticationTokenException},
   *     {@code IncompleteSignatureException}, {@code InvalidSignatureException}, {@code
   *     UnrecognizedClientException}
   */
  public Authentication verify(SignedRequest request) {
    Parsed parsed = parse(request);
    AuthorizationHeader auth = parsed.auth;
    checkScope(auth, parsed.requestTime);
    checkSignedHeaders(auth.signedHeaders(), parsed.dateHeaderName);
    checkClock(parsed.requestInstant, parsed.requestTime);
    String secret =
        credentials.secretAccessKey(auth.accessKeyId()).orElseThrow(SigV4Errors::unrecognizedClient);

    byte[] signingKey =
        signingKeys.get(secret, auth.scopeDate(), auth.region(), auth.service(), this::derive);
    byte[] expected = expectedSignature(request, parsed.requestTime, auth, signingKey);
    if (!MessageDigest.isEqual(expected, provided(auth.signature()))) {
      throw SigV4Errors.signatureDoesNotMatch();
    }
    return authentication(request, auth);
  }

  /**
   * The signature of the request, as lower-case hex in ASCII bytes: the same text as
   * {@link #canonicalRequest} and {@link #stringToSign} give, hashed from one per-thread buffer
   * instead of a string and a byte array for each step.
   */
  private byte[] expectedSignature(SignedRequest request, String requestTime, AuthorizationHeader auth,
      byte[] signingKey) {
    Scratch scratch = this.scratch.get();
    MessageDigest digest = sha256.get();
    StringBuilder text = scratch.text;
    text.setLength(0);
    digest.reset();
    HEX.formatHex(scratch.hex.delete(0, scratch.hex.length()), digest.digest(request.body()));
    CanonicalRequest.appendTo(text, request, auth.signedHeaders(), scratch.hex);
    int n = scratch.ascii(text);
    if (n >= 0) {
      digest.update(scratch.buffer(), 0, n);
    } else {
      digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] canonicalHash = digest.digest();
    StringBuilder scope = scratch.scope;
    scope.setLength(0);
    scope.append(auth.scopeDate()).append('/').append(auth.region()).append('/').append(auth.service()).append('/')
        .append(auth.terminator());
    text.setLength(0);
    appendStringToSign(text, requestTime, scope, canonicalHash);
    // The string to sign is ASCII: the scope's parts passed isPlausibleRegion and the equality checks.
    n = scratch.ascii(text);
    byte[] signature = n >= 0 ? sign(signingKey, scratch.buffer(), n)
        : sign(signingKey, text.toString().getBytes(StandardCharsets.UTF_8));
    scratch.shrinkIfLarge();
    return HEX.formatHex(signature).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] provided(String signature) {
    return signature.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Development mode: checks only that the {@code Authorization} header is present and well formed
   * (the same parse errors as {@link #verify}); the signature, the access key, the scope and the
   * clock are not checked.
   */
  public Authentication parseOnly(SignedRequest request) {
    return authentication(request, parse(request).auth);
  }

  /** The canonical request {@link #verify} signs; for tests. */
  String canonicalRequest(SignedRequest request) {
    return CanonicalRequest.build(request, parse(request).auth.signedHeaders(), payloadHash(request));
  }

  /** The string to sign {@link #verify} computes; for tests. */
  String stringToSign(SignedRequest request) {
    Parsed parsed = parse(request);
    return stringToSign(parsed.requestTime, parsed.auth, canonicalRequest(request));
  }

  private Authentication authentication(SignedRequest request, AuthorizationHeader auth) {
    return new Authentication(
        auth.accessKeyId(),
        auth.region(),
        auth.service(),
        auth.scopeDate(),
        Optional.ofNullable(request.firstHeader("x-amz-security-token")));
  }

  private static Parsed parse(SignedRequest request) {
    String authorization = request.firstHeader("authorization");
    if (authorization == null) {
      throw SigV4Errors.missingAuthenticationToken();
    }
    // AWS looks for X-Amz-Date first and falls back to Date (General Reference, "Handling dates in
    // Signature Version 4").
    String dateHeaderName = "X-Amz-Date";
    String dateValue = request.firstHeader(dateHeaderName);
    if (dateValue == null) {
      dateHeaderName = "Date";
      dateValue = request.firstHeader(dateHeaderName);
    }
    AuthorizationHeader auth = AuthorizationHeader.parse(authorization, dateValue != null);
    Instant instant = parseRequestTime(dateValue);
    return new Parsed(auth, dateHeaderName, instant, formatBasic(instant));
  }

  private void checkScope(AuthorizationHeader auth, String requestTime) {
    if (!isPlausibleRegion(auth.region())) {
      throw SigV4Errors.invalidRegion(auth.region());
    }
    if (!service.equals(auth.service())) {
      throw SigV4Errors.wrongService(service);
    }
    if (!TERMINATOR.equals(auth.terminator())) {
      throw SigV4Errors.wrongTerminator(auth.terminator());
    }
    if (!requestTime.startsWith(auth.scopeDate()) || auth.scopeDate().length() != 8) {
      throw SigV4Errors.scopeDateMismatch(auth.scopeDate(), requestTime.substring(0, 8), requestTime);
    }
  }

  private static void checkSignedHeaders(String signedHeaders, String dateHeaderName) {
    if (!containsHeader(signedHeaders, "host")) {
      throw SigV4Errors.hostNotSigned();
    }
    if (!containsHeader(signedHeaders, dateHeaderName)) {
      throw SigV4Errors.dateNotSigned(dateHeaderName);
    }
  }

  private void checkClock(Instant requestInstant, String requestTime) {
    Instant now = clock.instant();
    if (requestInstant.isBefore(now.minus(SKEW))) {
      throw SigV4Errors.signatureExpired(
          requestTime, formatBasic(now.minus(SKEW)), formatBasic(now), SKEW_MINUTES);
    }
    if (requestInstant.isAfter(now.plus(SKEW))) {
      throw SigV4Errors.signatureNotYetCurrent(
          requestTime, formatBasic(now.plus(SKEW)), formatBasic(now), SKEW_MINUTES);
    }
  }

  /**
   * SHA-256 of the body as received. A client's {@code X-Amz-Content-SHA256} is never trusted in
   * its place: were it used unchecked, a changed body would still verify.
   */
  private String payloadHash(SignedRequest request) {
    MessageDigest digest = sha256.get();
    digest.reset();
    return HEX.formatHex(digest.digest(request.body()));
  }

  private String stringToSign(String requestTime, AuthorizationHeader auth, String canonicalRequest) {
    return stringToSign(requestTime,
        auth.scopeDate() + '/' + auth.region() + '/' + auth.service() + '/' + auth.terminator(),
        canonicalRequest);
  }

  /** The string to sign for a canonical request, built as {@link #verify} builds it; for tests. */
  String stringToSign(String requestTime, String scope, String canonicalRequest) {
    MessageDigest digest = sha256.get();
    digest.reset();
    byte[] canonicalHash = digest.digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    return appendStringToSign(new StringBuilder(160), requestTime, scope, canonicalHash).toString();
  }

  /** Appends the string to sign: algorithm, request time, scope, and the canonical request's hash in hex. */
  private static StringBuilder appendStringToSign(StringBuilder text, String requestTime, CharSequence scope,
      byte[] canonicalHash) {
    text.append(AuthorizationHeader.ALGORITHM).append('\n')
        .append(requestTime).append('\n')
        .append(scope).append('\n');
    return HEX.formatHex(text, canonicalHash);
  }

  private byte[] derive(SigningKeyCache.Key key) {
    byte[] kSecret = ("AWS4" + key.secret).getBytes(StandardCharsets.UTF_8);
    try {
      byte[] kDate = hmac(kSecret, key.date.getBytes(StandardCharsets.UTF_8));
      byte[] kRegion = hmac(kDate, key.region.getBytes(StandardCharsets.UTF_8));
      byte[] kService = hmac(kRegion, key.service.getBytes(StandardCharsets.UTF_8));
      return hmac(kService, TERMINATOR_BYTES);
    } finally {
      // Best effort: the JVM may hold other copies (String internals, Mac state).
      java.util.Arrays.fill(kSecret, (byte) 0);
    }
  }

  /** HMAC-SHA256 under a key used once (the signing key's derivation), on the thread's {@link KeyedMac}. */
  private byte[] hmac(byte[] key, byte[] data) {
    KeyedMac keyed = signer.get();
    keyed.key = null; // keyed with an intermediate key now: the next sign() keys it again
    Mac mac = keyed.mac;
    try {
      mac.init(new SecretKeySpec(key, HMAC_SHA256));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 rejected its key", e);
    }
    return mac.doFinal(data);
  }

  /**
   * HMAC-SHA256 of {@code data} under a cached signing key. A {@link Mac} keeps its key after
   * {@code doFinal}, so the thread's Mac is keyed again only when the signing key is another
   * one than last time: a client's run of requests skips the key setup (the arrays come from
   * {@link SigningKeyCache}, one per signing key, never modified).
   */
  private byte[] sign(byte[] signingKey, byte[] data) {
    return sign(signingKey, data, data.length);
  }

  private byte[] sign(byte[] signingKey, byte[] data, int length) {
    KeyedMac keyed = signer.get();
    if (keyed.key != signingKey) {
      keyed.key = null;
      try {
        keyed.mac.init(new SecretKeySpec(signingKey, HMAC_SHA256));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 rejected its key", e);
      }
      keyed.key = signingKey;
    }
    keyed.mac.update(data, 0, length);
    return keyed.mac.doFinal();
  }

  private static boolean containsHeader(String signedHeaders, String name) {
    int n = signedHeaders.length();
    int i = 0;
    while (i < n) {
      int semi = signedHeaders.indexOf(';', i);
      if (semi < 0) {
        semi = n;
      }
      if (semi - i == name.length() && signedHeaders.regionMatches(true, i, name, 0, name.length())) {
        return true;
      }
      i = semi + 1;
    }
    return false;
  }

  /**
   * Trent cannot know every AWS region, and a client may be configured for any; it accepts any
   * lower-case name of letters, digits and dashes, and rejects the rest as AWS would.
   */
  private static boolean isPlausibleRegion(String region) {
    if (region.isEmpty() || region.length() > 64) {
      return false;
    }
    for (int i = 0; i < region.length(); i++) {
      char c = region.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Parses {@code yyyyMMdd'T'HHmmss'Z'}, or an RFC 1123 {@code Date} header. */
  static Instant parseRequestTime(String value) {
    if (value.length() == 16 && value.charAt(8) == 'T' && value.charAt(15) == 'Z') {
      int year = digits(value, 0, 4);
      int month = digits(value, 4, 6);
      int day = digits(value, 6, 8);
      int hour = digits(value, 9, 11);
      int minute = digits(value, 11, 13);
      int second = digits(value, 13, 15);
      if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
        try {
          return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
          throw SigV4Errors.malformedDate(value);
        }
      }
      throw SigV4Errors.malformedDate(value);
    }
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw SigV4Errors.malformedDate(value);
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Formats as {@code yyyyMMdd'T'HHmmss'Z'} without a formatter object. */
  static String formatBasic(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    char[] c = new char[16];
    put(c, 0, t.getYear(), 4);
    put(c, 4, t.getMonthValue(), 2);
    put(c, 6, t.getDayOfMonth(), 2);
    c[8] = 'T';
    put(c, 9, t.getHour(), 2);
    put(c, 11, t.getMinute(), 2);
    put(c, 13, t.getSecond(), 2);
    c[15] = 'Z';
    return new String(c);
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance(HMAC_SHA256);
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

  /**
   * A thread's text buffer for the canonical request and the string to sign, and their bytes.
   * Neither holds a secret: the canonical request is what the client sent, and the signing key
   * never passes through here.
   */
  private static final class Scratch {
    private static final int KEPT = 4096;
    final StringBuilder text = new StringBuilder(1024);
    final StringBuilder hex = new StringBuilder(64);
    final StringBuilder scope = new StringBuilder(64);
    private byte[] bytes = new byte[1024];

    /**
     * Writes the text into {@link #buffer()} when it is all ASCII (its UTF-8 is then one byte a
     * character) and returns its length; returns -1, writing nothing useful, when it is not.
     */
    int ascii(StringBuilder s) {
      int n = s.length();
      if (bytes.length < n) {
        bytes = new byte[Math.max(n, bytes.length * 2)];
      }
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          return -1;
        }
        bytes[i] = (byte) c;
      }
      return n;
    }

    byte[] buffer() {
      return bytes;
    }

    /** A request with huge headers does not leave its buffers behind. */
    void shrinkIfLarge() {
      if (text.capacity() > KEPT) {
        text.setLength(0);
        text.trimToSize();
        text.ensureCapacity(1024);
      }
      if (bytes.length > KEPT) {
        bytes = new byte[1024];
      }
    }
  }

  /** A thread's Mac and the signing key it holds (compared by identity), or null. */
  private static final class KeyedMac {
    final Mac mac;
    byte[] key;

    KeyedMac(Mac mac) {
      this.mac = mac;
    }
  }

  private static final class Parsed {
    final AuthorizationHeader auth;
    final String dateHeaderName;
    final Instant requestInstant;
    final String requestTime;

    Parsed(AuthorizationHeader auth, String dateHeaderName, Instant requestInstant, String requestTime) {
      this.auth = auth;
      this.dateHeaderName = dateHeaderName;
      this.requestInstant = requestInstant;
      this.requestTime = requestTime;
    }
  }
}
