package trent.fuzz;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trent.domain.error.KmsException;
import trent.protocol.sigv4.CredentialStore;
import trent.protocol.sigv4.SigV4Verifier;
import trent.protocol.sigv4.SignedRequest;

/**
 * SigV4 verification from the raw request: the {@code Authorization} header parser, the credential
 * scope and date checks, and canonicalisation of path, query and headers. Half the inputs get a
 * well-formed header prefix so the fuzzer reaches past the parser quickly.
 *
 * <p>Allowed outcomes: success or a {@link KmsException} (MissingAuthenticationToken,
 * IncompleteSignature, InvalidSignature, UnrecognizedClient). Anything else is a finding.
 */
public final class SigV4Fuzzer {

  static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  private static final CredentialStore CREDENTIALS =
      id -> id.equals("AKIDEXAMPLE") ? Optional.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY") : Optional.empty();
  private static final SigV4Verifier VERIFIER =
      new SigV4Verifier(CREDENTIALS, Clock.fixed(NOW, ZoneOffset.UTC), "kms");
  private static final String[] NAMES = {
    "Authorization", "X-Amz-Date", "Date", "Host", "X-Amz-Target", "Content-Type", "X-Amz-Content-SHA256",
    "X-Amz-Security-Token", "host", "x-amz-date"
  };

  private SigV4Fuzzer() {}

  /**
   * Called by Jazzer once before fuzzing: loads and instruments the code paths, so the first
   * fuzzed input is not charged with start-up against the per-input timeout.
   */
  public static void fuzzerInitialize() {
    fuzzerTestOneInput(new byte[] {0, 1, '/', 0, 1, 20, 'S', 'i', 'g', 'n', 'e', 'd', 'H', 'e', 'a', 'd', 'e', 'r', 's', '=', 'h', 'o', 's', 't', ',', ' '});
  }

  public static void fuzzerTestOneInput(byte[] input) {
    ByteReader data = new ByteReader(input);
    String method = data.pick(new String[] {"POST", "GET", "post", ""});
    String path = data.nextString();
    String query = data.nextString();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (data.nextBoolean()) {
      headers.add(new AbstractMap.SimpleEntry<>("X-Amz-Date", "20260115T120000Z"));
      headers.add(new AbstractMap.SimpleEntry<>("Authorization",
          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260115/us-east-1/kms/aws4_request, " + data.nextString()));
    }
    int n = data.nextInt(9);
    for (int i = 0; i < n; i++) {
      String name = data.nextBoolean() ? data.pick(NAMES) : data.nextString();
      headers.add(new AbstractMap.SimpleEntry<>(name, data.nextString()));
    }
    byte[] body = data.rest();
    SignedRequest request = new SignedRequest(method, path, query, headers, body);
    try {
      VERIFIER.verify(request);
    } catch (KmsException e) {
      // modeled
    }
    try {
      VERIFIER.parseOnly(request);
    } catch (KmsException e) {
      // modeled
    }
  }
}
