package trent.protocol.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import trent.domain.error.InvalidSignatureException;

/**
 * AWS's published SigV4 test suite (see {@code src/test/resources/sigv4/README.md}): canonical
 * request and string to sign equal the published ones, the published signed request verifies, and
 * a one-character change of its signature does not.
 */
class SigV4VectorsTest {

  private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Clock SUITE_TIME =
      Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

  private final SigV4Verifier verifier = new SigV4Verifier(
      id -> ACCESS_KEY_ID.equals(id) ? Optional.of(SECRET) : Optional.empty(), SUITE_TIME, "service");

  static Stream<String> cases() {
    return Stream.of(
        "get-header-key-duplicate",
        "get-header-value-trim",
        "get-relative-relative-normalized",
        "get-slash-dot-slash-normalized",
        "get-slashes-normalized",
        "get-space-normalized",
        "get-utf8",
        "get-vanilla-query-order-key-case",
        "get-vanilla-query-unreserved",
        "get-vanilla-with-session-token");
  }

  /** Cases published with an unsigned request (.req), its canonical request and string to sign. */
  static Stream<String> canonicalCases() {
    return Stream.of("post-vanilla-query-nonunreserved");
  }

  @ParameterizedTest
  @MethodSource("canonicalCases")
  void canonicalRequestAndStringToSignMatchPublishedOnes(String name) {
    SignedRequest request = SuiteRequests.parse(SuiteRequests.resource(name + ".req"));
    String creq = SuiteRequests.resource(name + ".creq").strip();
    String sts = SuiteRequests.resource(name + ".sts").strip();
    String[] creqLines = creq.split("\n", -1);
    String signedHeaders = creqLines[creqLines.length - 2];
    String payloadHash = creqLines[creqLines.length - 1];

    String canonical = CanonicalRequest.build(request, signedHeaders, payloadHash);

    assertThat(canonical).isEqualTo(creq);
    assertThat(verifier.stringToSign(
            request.firstHeader("x-amz-date"), "20150830/us-east-1/service/aws4_request", canonical))
        .isEqualTo(sts);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void publishedSignedRequestVerifies(String name) {
    SignedRequest request = SuiteRequests.parse(SuiteRequests.resource(name + ".sreq"));

    Authentication auth = verifier.verify(request);

    assertThat(auth.accessKeyId()).isEqualTo(ACCESS_KEY_ID);
    assertThat(auth.region()).isEqualTo("us-east-1");
    assertThat(auth.service()).isEqualTo("service");
    assertThat(auth.date()).isEqualTo("20150830");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void oneCharacterChangeOfTheSignatureIsRejected(String name) {
    SignedRequest request = SuiteRequests.parse(SuiteRequests.resource(name + ".sreq"));
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, String> h : request.headers()) {
      String value = h.getValue();
      if (h.getKey().equalsIgnoreCase("authorization")) {
        char last = value.charAt(value.length() - 1);
        value = value.substring(0, value.length() - 1) + (last == '0' ? '1' : '0');
      }
      headers.add(Map.entry(h.getKey(), value));
    }
    SignedRequest tampered = new SignedRequest(
        request.method(), request.path(), request.query(), headers, request.body());

    assertThatThrownBy(() -> verifier.verify(tampered))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessage("The request signature we calculated does not match the signature you provided."
            + " Check your AWS Secret Access Key and signing method. Consult the service"
            + " documentation for details.");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void sessionTokenIsReturned(String name) {
    SignedRequest request = SuiteRequests.parse(SuiteRequests.resource(name + ".sreq"));
    Optional<String> token = verifier.verify(request).sessionToken();
    if (name.equals("get-vanilla-with-session-token")) {
      assertThat(token).contains("6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267");
    } else {
      assertThat(token).isEmpty();
    }
  }
}
