package trent.domain.ciphertext;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An encryption context: the non-secret key–value pairs a ciphertext is bound to (AWS KMS
 * "encryption context"). Immutable.
 *
 * <p>Guarantees: two contexts are equal exactly when they hold the same pairs, whatever order
 * they were given in; equal contexts, and only those, have equal {@link #toCanonicalBytes()}. An
 * empty map and "no context" are the same context ({@link #empty()}).
 *
 * <p>Canonical encoding (the part of the AAD that binds the context): the pair count, then for
 * each pair in order the key's length, the key, the value's length, the value. Counts and lengths
 * are 4-byte big-endian unsigned integers; keys and values are strict UTF-8 (a string with an
 * unpaired surrogate is rejected, never replaced). Pairs are sorted by their keys' UTF-8 bytes
 * compared as unsigned bytes, which is Unicode code point order; it differs from
 * {@link String#compareTo} (UTF-16 code units) for characters above U+FFFF. Because every
 * string is length-prefixed, {@code {"a":"bc"}} and {@code {"ab":"c"}} encode differently.
 */
public final class EncryptionContext {

  private static final EncryptionContext EMPTY = new EncryptionContext(Map.of(), new byte[4]);

  private final Map<String, String> pairs;
  private final byte[] canonical;

  private EncryptionContext(Map<String, String> pairs, byte[] canonical) {
    this.pairs = pairs;
    this.canonical = canonical;
  }

  /** The empty context, the same as giving none. */
  public static EncryptionContext empty() {
    return EMPTY;
  }

  /**
   * A context holding {@code pairs}.
   *
   * @throws NullPointerException when the map, a key or a value is null
   * @throws IllegalArgumentException when a key or value is not valid Unicode (an unpaired
   *     surrogate); the message does not repeat the text
   */
  public static EncryptionContext of(Map<String, String> pairs) {
    if (pairs.isEmpty()) {
      return EMPTY;
    }
    CharsetEncoder utf8 =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<Pair> sorted = new ArrayList<>(pairs.size());
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "encryption context key");
      String value = Objects.requireNonNull(e.getValue(), "encryption context value");
      sorted.add(new Pair(key, value, encode(utf8, key, "key"), encode(utf8, value, "value")));
    }
    sorted.sort((a, b) -> Arrays.compareUnsigned(a.keyBytes(), b.keyBytes()));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeLength(out, sorted.size());
    Map<String, String> ordered = new LinkedHashMap<>();
    for (Pair p : sorted) {
      writeLength(out, p.keyBytes().length);
      out.writeBytes(p.keyBytes());
      writeLength(out, p.valueBytes().length);
      out.writeBytes(p.valueBytes());
      ordered.put(p.key(), p.value());
    }
    return new EncryptionContext(Collections.unmodifiableMap(ordered), out.toByteArray());
  }

  /** The pairs, unmodifiable, iterating in canonical order. */
  public Map<String, String> asMap() {
    return pairs;
  }

  public boolean isEmpty() {
    return pairs.isEmpty();
  }

  public int size() {
    return pairs.size();
  }

  /** The canonical encoding described in the class comment (a copy). */
  public byte[] toCanonicalBytes() {
    return canonical.clone();
  }

  int canonicalLength() {
    return canonical.length;
  }

  void copyCanonicalTo(byte[] out, int offset) {
    System.arraycopy(canonical, 0, out, offset, canonical.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptionContext other && Arrays.equals(canonical, other.canonical);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(canonical);
  }

  /** The pairs; an encryption context is not secret (CloudTrail records it too). */
  @Override
  public String toString() {
    return "EncryptionContext" + pairs;
  }

  private static byte[] encode(CharsetEncoder utf8, String s, String what) {
    try {
      ByteBuffer b = utf8.encode(CharBuffer.wrap(s));
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "an encryption context " + what + " is not valid Unicode (unpaired surrogate)");
    }
  }

  private static void writeLength(ByteArrayOutputStream out, int n) {
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
  }

  private record Pair(String key, String value, byte[] keyBytes, byte[] valueBytes) {}
}
