package trent.domain.key;

/**
 * A caller's way of naming a key, parsed: a key id, a key ARN, an alias name or an alias ARN.
 * Parsing checks syntax only; {@link KeyResolver} finds the key.
 */
public sealed interface KeyReference {

  /** The text as the caller sent it. */
  String text();

  record KeyId(String text, String keyId) implements KeyReference {}

  record KeyArn(String text, String region, String account, String keyId) implements KeyReference {}

  record AliasName(String text, String aliasName) implements KeyReference {}

  record AliasArn(String text, String region, String account, String aliasName) implements KeyReference {}

  /** Text that is none of the four forms. */
  record Malformed(String text) implements KeyReference {}

  static KeyReference parse(String text) {
    if (text.startsWith("alias/")) {
      return new AliasName(text, text);
    }
    if (!text.startsWith("arn:")) {
      return isKeyId(text) ? new KeyId(text, text) : new Malformed(text);
    }
    // arn:<partition>:kms:<region>:<account>:<resource>
    String[] parts = splitArn(text);
    if (parts.length != 6 || !parts[1].startsWith("aws") || !parts[2].equals("kms")
        || parts[3].isEmpty() || parts[4].isEmpty()) {
      return new Malformed(text);
    }
    String resource = parts[5];
    if (resource.startsWith("key/")) {
      String id = resource.substring(4);
      return isKeyId(id) ? new KeyArn(text, parts[3], parts[4], id) : new Malformed(text);
    }
    if (resource.startsWith("alias/") && resource.length() > 6) {
      return new AliasArn(text, parts[3], parts[4], resource);
    }
    return new Malformed(text);
  }

  /**
   * Whether {@code text} has the form of a key id: a UUID (8-4-4-4-12 hex digits) or a
   * multi-Region key id ({@code mrk-} and 32 hex digits). Hand-written: this runs on every request.
   */
  static boolean isKeyId(String text) {
    if (text.length() == 36 && text.startsWith("mrk-")) {
      return allHex(text, 4, 36);
    }
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean allHex(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Splits an ARN into at most six parts at its first five colons. */
  private static String[] splitArn(String text) {
    String[] parts = new String[6];
    int start = 0;
    for (int i = 0; i < 5; i++) {
      int colon = text.indexOf(':', start);
      if (colon < 0) {
        return new String[0];
      }
      parts[i] = text.substring(start, colon);
      start = colon + 1;
    }
    parts[5] = text.substring(start);
    return parts;
  }
}
