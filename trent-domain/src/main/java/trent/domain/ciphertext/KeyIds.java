package trent.domain.ciphertext;

import java.util.HexFormat;

/** The key id and key material id forms the ciphertext format can carry, and their byte forms. */
final class KeyIds {

  /** Key id kind byte: a UUID key id, {@code 1234abcd-12ab-34cd-56ef-1234567890ab}. */
  static final byte KIND_UUID = 1;

  /** Key id kind byte: a multi-Region key id, {@code mrk-} and 32 hex digits. */
  static final byte KIND_MULTI_REGION = 2;

  static final int KEY_ID_BYTES = 16;
  static final int KEY_MATERIAL_ID_BYTES = 32;

  private static final HexFormat HEX = HexFormat.of();

  private KeyIds() {}

  /**
   * Checks a key id is in one of the two canonical (lowercase) forms, 8-4-4-4-12 hex digits or
   * {@code mrk-} and 32; returns it. Checked character by character: every ciphertext made or
   * opened passes here, and regular expressions were 7% of a Decrypt's CPU (JFR).
   */
  static String requireKeyId(String keyId) {
    if (!isUuid(keyId) && !(keyId.length() == 36 && keyId.startsWith("mrk-") && lowerHex(keyId, 4, 36))) {
      throw new IllegalArgumentException(
          "key id must be a lowercase UUID or mrk- followed by 32 lowercase hex digits");
    }
    return keyId;
  }

  private static boolean isUuid(String s) {
    return s.length() == 36 && s.charAt(8) == '-' && s.charAt(13) == '-' && s.charAt(18) == '-' && s.charAt(23) == '-'
        && lowerHex(s, 0, 8) && lowerHex(s, 9, 13) && lowerHex(s, 14, 18) && lowerHex(s, 19, 23) && lowerHex(s, 24, 36);
  }

  private static boolean lowerHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  static String requireKeyMaterialId(String keyMaterialId) {
    if (keyMaterialId.length() != 64 || !lowerHex(keyMaterialId, 0, 64)) {
      throw new IllegalArgumentException("key material id must be 64 lowercase hex digits");
    }
    return keyMaterialId;
  }

  static byte kind(String keyId) {
    return keyId.startsWith("mrk-") ? KIND_MULTI_REGION : KIND_UUID;
  }

  /** Writes the 16 bytes a canonical key id stands for. */
  static void writeKeyId(String keyId, byte[] out, int offset) {
    // The two forms, read in place (this runs for every ciphertext made): 8-4-4-4-12 hex digits,
    // or mrk- and 32 digits. Callers pass ids requireKeyId accepted (BackingKey, the external
    // header), so nothing else arrives; were it to, it is refused.
    if (keyId.length() == 36 && keyId.charAt(8) == '-' && keyId.charAt(13) == '-' && keyId.charAt(18) == '-'
        && keyId.charAt(23) == '-') {
      putLong(out, offset, HexFormat.fromHexDigitsToLong(keyId, 0, 8) << 32
          | (long) HexFormat.fromHexDigits(keyId, 9, 13) << 16 | HexFormat.fromHexDigits(keyId, 14, 18));
      putLong(out, offset + 8, (long) HexFormat.fromHexDigits(keyId, 19, 23) << 48
          | HexFormat.fromHexDigitsToLong(keyId, 24, 36));
      return;
    }
    if (keyId.length() == 36 && keyId.startsWith("mrk-")) {
      putLong(out, offset, HexFormat.fromHexDigitsToLong(keyId, 4, 20));
      putLong(out, offset + 8, HexFormat.fromHexDigitsToLong(keyId, 20, 36));
      return;
    }
    throw new IllegalArgumentException("not a key id: " + keyId);
  }

  private static long getLong(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = value << 8 | (in[offset + i] & 0xff);
    }
    return value;
  }

  private static void putLong(byte[] out, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  /** The canonical key id for a kind byte and 16 bytes; null when the kind is unknown. */
  static String readKeyId(byte kind, byte[] in, int offset) {
    switch (kind) {
      case KIND_UUID:
        // UUID's text is the canonical key id: 8-4-4-4-12 lower-case hex digits.
        return new java.util.UUID(getLong(in, offset), getLong(in, offset + 8)).toString();
      case KIND_MULTI_REGION:
        return "mrk-" + HEX.formatHex(in, offset, offset + KEY_ID_BYTES);
      default:
        return null;
    }
  }

  static void writeKeyMaterialId(String keyMaterialId, byte[] out, int offset) {
    System.arraycopy(HEX.parseHex(keyMaterialId), 0, out, offset, KEY_MATERIAL_ID_BYTES);
  }

  static String readKeyMaterialId(byte[] in, int offset) {
    return HEX.formatHex(in, offset, offset + KEY_MATERIAL_ID_BYTES);
  }
}
