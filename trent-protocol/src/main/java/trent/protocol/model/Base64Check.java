package trent.protocol.model;

/**
 * Strict base64 (RFC 4648 §4 alphabet, padded) as AWS's JSON framework reads blobs, with the
 * framework's three failure reasons (see {@link AwsText#badBase64}). Checks without decoding.
 */
final class Base64Check {

  private Base64Check() {}

  /** The reason {@code s} is not valid base64, or null when it is. */
  static String problem(String s) {
    int n = s.length();
    if (n % 4 != 0) {
      return AwsText.base64Length(n);
    }
    int pads = padding(s);
    for (int i = 0; i < n - pads; i++) {
      char c = s.charAt(i);
      if (value(c) < 0) {
        return AwsText.base64Character(c);
      }
    }
    if (pads > 0) {
      // The last character before the padding must not carry bits beyond the data.
      int last = value(s.charAt(n - pads - 1));
      int unusedBits = pads == 2 ? 0x0f : 0x03;
      if ((last & unusedBits) != 0) {
        return AwsText.BASE64_LAST_CHARACTER;
      }
    }
    return null;
  }

  /** Decoded length in bytes of a string that passed {@link #problem}. */
  static long decodedLength(String s) {
    return (long) s.length() / 4 * 3 - padding(s);
  }

  /** Trailing '=' count: at most 2, and only if the whole group is not padding. */
  private static int padding(String s) {
    int n = s.length();
    if (n >= 4 && s.charAt(n - 1) == '=') {
      return s.charAt(n - 2) == '=' && s.charAt(n - 3) != '=' ? 2 : (s.charAt(n - 2) == '=' ? 0 : 1);
    }
    return 0;
  }

  private static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+') {
      return 62;
    }
    if (c == '/') {
      return 63;
    }
    return -1;
  }
}
