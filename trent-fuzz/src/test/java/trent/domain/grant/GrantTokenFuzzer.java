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

  public static void fuzzerTestOneInput(byte[] data) {
    String token = new String(data, StandardCharsets.ISO_8859_1);
    GrantTokens.parse(token).ifPresent(parsed -> {
      if (parsed.keyId().isEmpty() || parsed.grantId().isEmpty() || parsed.secret().isEmpty()) {
        throw new IllegalStateException("parsed a token with an empty part");
      }
    });
  }
}
