package trent.domain.grant;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The grant token format: opaque to callers, base64url of {@code trent-gt1}, the key id, the grant
 * id, the grant's token secret and a per-token nonce, separated by NUL (every CreateGrant answer
 * carries a new token, as AWS documents, even when it returns an existing grant). The secret is random per grant and stored with
 * it, so a token can only come from CreateGrant; a forged or altered token names no grant.
 */
final class GrantTokens {

  private static final String PREFIX = "trent-gt1";

  private GrantTokens() {}

  record Parsed(String keyId, String grantId, String secret) {}

  static String encode(String keyId, String grantId, String secret, String nonce) {
    String text = PREFIX + '\0' + keyId + '\0' + grantId + '\0' + secret + '\0' + nonce;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static Optional<Parsed> parse(String token) {
    if (token == null || token.isEmpty() || token.length() > 8192) {
      return Optional.empty();
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] parts = text.split("\0", -1);
    if (parts.length != 5 || !parts[0].equals(PREFIX) || parts[1].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(parts[1], parts[2], parts[3]));
  }
}
