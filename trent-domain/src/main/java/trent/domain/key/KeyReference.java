package trent.domain.key;

import java.util.regex.Pattern;

/**
 * A caller's way of naming a key, parsed: a key id, a key ARN, an alias name or an alias ARN.
 * Parsing checks syntax only; {@link KeyResolver} finds the key.
 */
public sealed interface KeyReference {

  Pattern KEY_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32}");

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
      return KEY_ID.matcher(text).matches() ? new KeyId(text, text) : new Malformed(text);
    }
    // arn:<partition>:kms:<region>:<account>:<resource>
    String[] parts = text.split(":", 6);
    if (parts.length != 6 || !parts[1].startsWith("aws") || !parts[2].equals("kms")
        || parts[3].isEmpty() || parts[4].isEmpty()) {
      return new Malformed(text);
    }
    String resource = parts[5];
    if (resource.startsWith("key/")) {
      String id = resource.substring(4);
      return KEY_ID.matcher(id).matches() ? new KeyArn(text, parts[3], parts[4], id) : new Malformed(text);
    }
    if (resource.startsWith("alias/") && resource.length() > 6) {
      return new AliasArn(text, parts[3], parts[4], resource);
    }
    return new Malformed(text);
  }
}
