package trent.protocol.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import trent.domain.error.IncompleteSignatureException;
import trent.domain.error.InvalidSignatureException;
import trent.domain.error.MissingAuthenticationTokenException;
import trent.domain.error.UnrecognizedClientException;

/**
 * Requests signed by the real AWS SDK for Java v2 signer ({@link AwsV4HttpSigner}) for a KMS-like
 * {@code POST /} with a JSON body, checked by {@link SigV4Verifier}. Time only moves through a
 * mutable clock.
 */
class SigV4VerifierTest {

  private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final Instant SIGNED_AT = Instant.parse("2025-03-14T09:26:53Z");
  private static final String BODY = "{\"KeyId\":\"alias/example\",\"KeySpec\":\"AES_256\"}";
  private static final String MISMATCH = "The request signature we calculated does not match the"
      + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the"
      + " service documentation for details.";

  private final MutableClock clock = new MutableClock(SIGNED_AT);
  private final SigV4Verifier verifier = new SigV4Verifier(
      id -> ACCESS_KEY_ID.equals(id) ? Optional.of(SECRET) : Optional.empty(), clock, "kms");

  @Test
  void acceptsRequestSignedByTheSdk() {
    Authentication auth = verifier.verify(signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY));

    assertThat(auth).isEqualTo(
        new Authentication(ACCESS_KEY_ID, "us-east-1", "kms", "20250314", Optional.empty()));
  }

  @Test
  void acceptsRepeatedRequestsThroughTheSigningKeyCache() {
    verifier.verify(signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY));
    verifier.verify(signed(ACCESS_KEY_ID, SECRET, null, "kms", "{}"));
  }

  /**
   * One thread verifies for two identities in turn (and a signature made with the wrong secret): each
   * signature is checked under its own signing key, however the thread's last key differs.
   */
  @Test
  void alternatingSigningKeysOnOneThreadEachVerifyOnlyTheirOwnSignatures() {
    String otherId = "AKIAI44QH8DHBEXAMPLE";
    String otherSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    SigV4Verifier two = new SigV4Verifier(id -> ACCESS_KEY_ID.equals(id) ? Optional.of(SECRET)
        : otherId.equals(id) ? Optional.of(otherSecret) : Optional.empty(), clock, "kms");
    SignedRequest first = signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY);
    SignedRequest second = signed(otherId, otherSecret, null, "kms", BODY);
    SignedRequest firstAsSecond = signed(ACCESS_KEY_ID, otherSecret, null, "kms", BODY);
    for (int round = 0; round < 3; round++) {
      assertThat(two.verify(first).accessKeyId()).isEqualTo(ACCESS_KEY_ID);
      assertThat(two.verify(second).accessKeyId()).isEqualTo(otherId);
      assertThat(two.verify(second).accessKeyId()).isEqualTo(otherId);
      assertThatThrownBy(() -> two.verify(firstAsSecond))
          .isInstanceOf(InvalidSignatureException.class).hasMessage(MISMATCH);
      assertThat(two.verify(first).accessKeyId()).isEqualTo(ACCESS_KEY_ID);
    }
  }

  /** A signed header value beyond ASCII is hashed as UTF-8, as the SDK signs it. */
  @Test
  void acceptsASignedHeaderValueBeyondAscii() {
    SignedRequest request = signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY, Map.of("X-Trent-Note", "café ünï 鍵"));
    assertThat(request.headers()).anySatisfy(h -> assertThat(h.getValue()).isEqualTo("café ünï 鍵"));

    assertThat(verifier.verify(request).accessKeyId()).isEqualTo(ACCESS_KEY_ID);
    SignedRequest changed = withHeader(request, "X-Trent-Note", v -> v.replace("鍵", "键"));
    assertThatThrownBy(() -> verifier.verify(changed))
        .isInstanceOf(InvalidSignatureException.class).hasMessage(MISMATCH);
  }

  @Test
  void returnsSessionToken() {
    Authentication auth = verifier.verify(signed(ACCESS_KEY_ID, SECRET, "FwoGZXIvYXdzEXAMPLE", "kms", BODY));

    assertThat(auth.sessionToken()).contains("FwoGZXIvYXdzEXAMPLE");
  }

  @Test
  void rejectsChangedBody() {
    SignedRequest request = signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY);
    SignedRequest changed = new SignedRequest(request.method(), request.path(), request.query(),
        request.headers(), BODY.replace("AES_256", "AES_128").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> verifier.verify(changed))
        .isInstanceOf(InvalidSignatureException.class).hasMessage(MISMATCH);
  }

  @Test
  void rejectsChangedSignedHeader() {
    SignedRequest request = withHeader(signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY),
        "X-Amz-Target", v -> "TrentService.Decrypt");

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(InvalidSignatureException.class).hasMessage(MISMATCH);
  }

  @Test
  void rejectsWrongSecret() {
    SignedRequest request = signed(ACCESS_KEY_ID, SECRET.replace('w', 'W'), null, "kms", BODY);

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(InvalidSignatureException.class).hasMessage(MISMATCH);
  }

  @Test
  void rejectsUnknownAccessKey() {
    SignedRequest request = signed("AKIAUNKNOWNEXAMPLE00", SECRET, null, "kms", BODY);

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(UnrecognizedClientException.class)
        .hasMessage("The security token included in the request is invalid.");
  }

  @Test
  void acceptsFifteenMinutesOfSkewEitherWay() {
    SignedRequest request = signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY);
    clock.set(SIGNED_AT.plus(Duration.ofMinutes(15)));
    verifier.verify(request);
    clock.set(SIGNED_AT.minus(Duration.ofMinutes(15)));
    verifier.verify(request);
  }

  @Test
  void rejectsExpiredSignature() {
    SignedRequest request = signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY);
    clock.set(SIGNED_AT.plus(Duration.ofMinutes(15)).plusSeconds(1));

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessage("Signature expired: 20250314T092653Z is now earlier than 20250314T092654Z"
            + " (20250314T094154Z - 15 min.)");
  }

  @Test
  void rejectsFutureSignature() {
    SignedRequest request = signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY);
    clock.set(SIGNED_AT.minus(Duration.ofMinutes(20)));

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessage("Signature not yet current: 20250314T092653Z is still later than"
            + " 20250314T092153Z (20250314T090653Z + 15 min.)");
  }

  @Test
  void rejectsWrongService() {
    SignedRequest request = signed(ACCESS_KEY_ID, SECRET, null, "dynamodb", BODY);

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessage("Credential should be scoped to correct service: 'kms'. ");
  }

  @Test
  void rejectsScopeDateNotMatchingRequestDate() {
    SignedRequest request = withHeader(signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY),
        "Authorization", v -> v.replace("/20250314/", "/20250313/"));

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessage("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date"
            + " from HTTP: '20250313' != '20250314', from '20250314T092653Z'.");
  }

  @Test
  void rejectsMissingAuthorization() {
    SignedRequest request = withoutHeader(signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY), "Authorization");

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(MissingAuthenticationTokenException.class)
        .hasMessage("Missing Authentication Token");
    assertThatThrownBy(() -> verifier.parseOnly(request))
        .isInstanceOf(MissingAuthenticationTokenException.class);
  }

  @Test
  void listsEveryMissingPart() {
    SignedRequest request = withoutHeader(
        withHeader(signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY), "Authorization",
            v -> "AWS4-HMAC-SHA256 Credential=ABCDEF"),
        "X-Amz-Date");

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(IncompleteSignatureException.class)
        .hasMessage("Authorization header requires 'Signature' parameter. Authorization header"
            + " requires 'SignedHeaders' parameter. Authorization header requires existence of"
            + " either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256"
            + " Credential=ABCDEF");
  }

  @Test
  void treatsOtherSchemesAsMissingEveryPart() {
    SignedRequest request = withHeader(signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY),
        "Authorization", v -> "AWS xxxxx:yyyyyyy");

    assertThatThrownBy(() -> verifier.parseOnly(request))
        .isInstanceOf(IncompleteSignatureException.class)
        .hasMessage("Authorization header requires 'Credential' parameter. Authorization header"
            + " requires 'Signature' parameter. Authorization header requires 'SignedHeaders'"
            + " parameter. Authorization=AWS xxxxx:yyyyyyy");
  }

  @Test
  void rejectsPartWithoutEqualSign() {
    String header = "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID
        + " /20250314/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc";
    SignedRequest request = withHeader(signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY),
        "Authorization", v -> header);

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(IncompleteSignatureException.class)
        .hasMessage("'/20250314/us-east-1/kms/aws4_request' not a valid key=value pair (missing"
            + " equal-sign) in Authorization header: '" + header + "'.");
  }

  @Test
  void rejectsMalformedCredential() {
    SignedRequest request = withHeader(signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY),
        "Authorization", v -> v.replace("/us-east-1/kms/", "/us-east-1/"));

    assertThatThrownBy(() -> verifier.parseOnly(request))
        .isInstanceOf(IncompleteSignatureException.class)
        .hasMessage("Credential must have exactly 5 slash-delimited elements, e.g."
            + " keyid/date/region/service/term, got '" + ACCESS_KEY_ID + "/20250314/us-east-1/aws4_request'");
  }

  @Test
  void requiresHostToBeSigned() {
    SignedRequest request = withHeader(signed(ACCESS_KEY_ID, SECRET, null, "kms", BODY),
        "Authorization", v -> v.replace(";host;", ";"));

    assertThatThrownBy(() -> verifier.verify(request))
        .isInstanceOf(IncompleteSignatureException.class)
        .hasMessage("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  @Test
  void parseOnlyIgnoresSignatureKeyAndClock() {
    SignedRequest request = signed("AKIAUNKNOWNEXAMPLE00", "not-the-secret", null, "kms", BODY);
    clock.set(SIGNED_AT.plus(Duration.ofDays(3)));

    Authentication auth = verifier.parseOnly(request);

    assertThat(auth.accessKeyId()).isEqualTo("AKIAUNKNOWNEXAMPLE00");
    assertThat(auth.date()).isEqualTo("20250314");
  }

  /** Signs {@code POST /} the way the SDK's KmsClient does, with the real SDK signer. */
  private SignedRequest signed(
      String accessKeyId, String secret, String sessionToken, String service, String body) {
    return signed(accessKeyId, secret, sessionToken, service, body, Map.of());
  }

  private SignedRequest signed(String accessKeyId, String secret, String sessionToken, String service, String body,
      Map<String, String> moreHeaders) {
    SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(URI.create("https://kms.us-east-1.amazonaws.com/"))
        .putHeader("Content-Type", "application/x-amz-json-1.1")
        .putHeader("X-Amz-Target", "TrentService.GenerateDataKey")
        .putHeader("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
    moreHeaders.forEach(builder::putHeader);
    SdkHttpRequest http = builder.build();
    AwsCredentialsIdentity identity = sessionToken == null
        ? AwsCredentialsIdentity.create(accessKeyId, secret)
        : AwsSessionCredentialsIdentity.create(accessKeyId, secret, sessionToken);
    software.amazon.awssdk.http.auth.spi.signer.SignedRequest signed =
        AwsV4HttpSigner.create().sign(r -> r
            .identity(identity)
            .request(http)
            .payload(ContentStreamProvider.fromUtf8String(body))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
            .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC)));
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    // As on the wire: Host is set by the HTTP client from the URI.
    headers.add(Map.entry("Host", "kms.us-east-1.amazonaws.com"));
    signed.request().forEachHeader((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        values.forEach(v -> headers.add(Map.entry(name, v)));
      }
    });
    return new SignedRequest("POST", "/", "", headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static SignedRequest withHeader(
      SignedRequest request, String name, UnaryOperator<String> change) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, String> h : request.headers()) {
      headers.add(h.getKey().equalsIgnoreCase(name)
          ? Map.entry(h.getKey(), change.apply(h.getValue())) : h);
    }
    return new SignedRequest(request.method(), request.path(), request.query(), headers, request.body());
  }

  private static SignedRequest withoutHeader(SignedRequest request, String name) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
    headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
    return new SignedRequest(request.method(), request.path(), request.query(), headers, request.body());
  }

  /** A clock tests move by hand; never sleeps. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
