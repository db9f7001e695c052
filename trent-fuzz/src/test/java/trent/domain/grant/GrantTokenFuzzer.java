package trent.domain.grant;

import java.nio.charset.StandardCharsets;

/**
 * The grant token parser: callers send grant tokens in {@code GrantTokens} of every cryptographic
 * operation. A token that does not parse names no grant.
 *
 * <p>Allowed outcome: a parsed token or empty; no exception at all. A parsed token must round-trip
 * through the encoder.
 */
public final class GrantTokenFuzzer {

  private GrantTokenFuzzer() {}

  /**
   * Called by Jazzer once before fuzzing: loads and instruments the code paths, so the first
   * fuzzed input is not charged with start-up against the per-input timeout.
   */
  public static void fuzzerInitialize() {
    fuzzerTestOneInput(GrantTokens.encode("k", "g", "s", "n").getBytes(StandardCharsets.ISO_8859_1));
  }

  public static void fuzzerTestOneInput(byte[] data) {
    String token = new String(data, StandardCharsets.ISO_8859_1);
    GrantTokens.parse(token).ifPresent(parsed -> {
      if (parsed.keyId().isEmpty() || parsed.grantId().isEmpty() || parsed.secret().isEmpty()) {
        throw new IllegalStateException("parsed a token with an empty part");
      }
    });
  }
}
