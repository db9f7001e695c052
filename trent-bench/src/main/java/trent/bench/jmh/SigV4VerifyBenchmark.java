package trent.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import trent.bench.SigV4Signer;
import trent.protocol.sigv4.Authentication;
import trent.protocol.sigv4.SigV4Verifier;
import trent.protocol.sigv4.SignedRequest;

/**
 * {@link SigV4Verifier#verify} of a {@code GenerateDataKeyWithoutPlaintext} request with the headers
 * the AWS SDK for Java v2 sends, the signing key cache warm (as it is for every request but the
 * first of the day): canonical request, two SHA-256, one HMAC, constant-time compare.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SigV4VerifyBenchmark {

  private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Instant AT = Instant.parse("2025-03-14T09:26:53Z");

  private SigV4Verifier verifier;
  private SignedRequest request;

  @Setup
  public void setUp() {
    verifier = new SigV4Verifier(id -> ACCESS_KEY_ID.equals(id) ? Optional.of(SECRET) : Optional.empty(),
        Clock.fixed(AT, ZoneOffset.UTC), "kms");
    byte[] body = ("{\"KeyId\":\"arn:aws:kms:us-east-1:111122223333:key/" + Fixtures.KEY_ID
        + "\",\"KeySpec\":\"AES_256\",\"EncryptionContext\":{\"purpose\":\"benchmark\"}}")
        .getBytes(StandardCharsets.UTF_8);
    String amzDate = SigV4Signer.amzDate(AT);
    List<Map.Entry<String, String>> signed = List.of(
        Map.entry("amz-sdk-invocation-id", "5f1a8c8e-7d4b-4a8e-9a1e-2b1f3c4d5e6f"),
        Map.entry("amz-sdk-request", "attempt=1; max=4"),
        Map.entry("Content-Length", Integer.toString(body.length)),
        Map.entry("Content-Type", "application/x-amz-json-1.1"),
        Map.entry("Host", "127.0.0.1:4599"),
        Map.entry("X-Amz-Date", amzDate),
        Map.entry("X-Amz-Target", "TrentService.GenerateDataKeyWithoutPlaintext"));
    String authorization = new SigV4Signer(ACCESS_KEY_ID, SECRET, "us-east-1", "kms")
        .authorization("POST", "/", amzDate, signed, body);
    List<Map.Entry<String, String>> headers = new ArrayList<>(signed);
    headers.add(Map.entry("User-Agent", "aws-sdk-java/2.40.2 md/io#sync md/http#Apache ua/2.1 os/Linux"
        + " lang/java#17.0.15 md/OpenJDK_64-Bit_Server_VM m/D"));
    headers.add(Map.entry("Authorization", authorization));
    request = new SignedRequest("POST", "/", "", headers, body);
    verifier.verify(request); // warms the signing key cache, and fails set-up if it does not verify
  }

  @Benchmark
  public Authentication verify() {
    return verifier.verify(request);
  }
}
