package trent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trent.domain.error.InvalidSignatureException;
import trent.protocol.sigv4.Authentication;
import trent.protocol.sigv4.SigV4Verifier;
import trent.protocol.sigv4.SignedRequest;

/** What {@link SigV4Signer} signs is what the server's {@link SigV4Verifier} accepts. */
class SigV4SignerTest {

  private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Instant AT = Instant.parse("2025-03-14T09:26:53Z");
  private static final byte[] BODY =
      "{\"KeyId\":\"alias/example\",\"KeySpec\":\"AES_256\"}".getBytes(StandardCharsets.UTF_8);

  private final SigV4Signer signer = new SigV4Signer(ACCESS_KEY_ID, SECRET, "eu-west-1", "kms");

  private static SigV4Verifier verifierAt(Instant now) {
    return new SigV4Verifier(id -> ACCESS_KEY_ID.equals(id) ? Optional.of(SECRET) : Optional.empty(),
        Clock.fixed(now, ZoneOffset.UTC), "kms");
  }

  private SignedRequest signedAt(Instant at, byte[] body) {
    String amzDate = SigV4Signer.amzDate(at);
    List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(
        Map.entry("Host", "127.0.0.1:4599"),
        Map.entry("Content-Type", "application/x-amz-json-1.1"),
        Map.entry("X-Amz-Target", "TrentService.GenerateDataKeyWithoutPlaintext"),
        Map.entry("X-Amz-Date", amzDate)));
    String authorization = signer.authorization("POST", "/", amzDate, headers, body);
    headers.add(Map.entry("Authorization", authorization));
    return new SignedRequest("POST", "/", "", headers, body);
  }

  @Test
  void formatsAmzDate() {
    assertThat(SigV4Signer.amzDate(AT)).isEqualTo("20250314T092653Z");
  }

  @Test
  void verifierAcceptsWhatItSigns() {
    Authentication auth = verifierAt(AT).verify(signedAt(AT, BODY));

    assertThat(auth).isEqualTo(new Authentication(ACCESS_KEY_ID, "eu-west-1", "kms", "20250314", Optional.empty()));
  }

  @Test
  void verifierRejectsAChangedBody() {
    SignedRequest signed = signedAt(AT, BODY);
    byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("AES_256", "AES_128")
        .getBytes(StandardCharsets.UTF_8);
    SignedRequest tampered = new SignedRequest("POST", "/", "", signed.headers(), changed);

    assertThatThrownBy(() -> verifierAt(AT).verify(tampered)).isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void verifierRejectsAnotherSecret() {
    SigV4Signer wrong = new SigV4Signer(ACCESS_KEY_ID, SECRET + "x", "eu-west-1", "kms");
    String amzDate = SigV4Signer.amzDate(AT);
    List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(
        Map.entry("Host", "127.0.0.1:4599"), Map.entry("X-Amz-Date", amzDate)));
    headers.add(Map.entry("Authorization", wrong.authorization("POST", "/", amzDate, headers, BODY)));

    assertThatThrownBy(() -> verifierAt(AT).verify(new SignedRequest("POST", "/", "", headers, BODY)))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void signingKeyFollowsTheDate() {
    Instant nextDay = AT.plusSeconds(24 * 3600);
    verifierAt(AT).verify(signedAt(AT, BODY));
    verifierAt(nextDay).verify(signedAt(nextDay, BODY));
    // And back: the cached key of the later day must not be used for the earlier one.
    verifierAt(AT).verify(signedAt(AT, BODY));
  }

  @Test
  void requestsOfTheLoadGeneratorVerify() {
    SigV4Signer usEast = new SigV4Signer(ACCESS_KEY_ID, SECRET, "us-east-1", "kms");
    try (KmsHttpClient client = new KmsHttpClient(URI.create("http://127.0.0.1:4599"), usEast, 1)) {
      FullHttpRequest request = client.newRequest("DescribeKey", BODY);
      try {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        request.headers().forEach(headers::add);
        SignedRequest received = new SignedRequest(request.method().name(), request.uri(), "", headers,
            ByteBufUtil.getBytes(request.content()));

        Authentication auth = verifierAt(Instant.now()).verify(received);

        assertThat(auth.accessKeyId()).isEqualTo(ACCESS_KEY_ID);
        assertThat(request.headers().get("X-Amz-Target")).isEqualTo("TrentService.DescribeKey");
      } finally {
        request.release();
      }
    }
  }
}
