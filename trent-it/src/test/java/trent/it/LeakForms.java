package trent.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The forms in which a secret could leak into text or storage: its raw bytes, standard and URL-safe
 * base64 (with and without padding), and hex in both cases. Compared as ISO-8859-1 strings, so raw
 * bytes match byte for byte.
 */
final class LeakForms {

  private LeakForms() {}

  static List<String> of(byte[] secret) {
    return List.of(
        new String(secret, StandardCharsets.ISO_8859_1),
        Base64.getEncoder().encodeToString(secret),
        Base64.getEncoder().withoutPadding().encodeToString(secret),
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
        HexFormat.of().formatHex(secret),
        HexFormat.of().withUpperCase().formatHex(secret));
  }

  static String kind(byte[] secret, String form) {
    String[] names = {"raw", "base64", "base64 unpadded", "base64url", "hex", "HEX"};
    return names[of(secret).indexOf(form)];
  }
}
