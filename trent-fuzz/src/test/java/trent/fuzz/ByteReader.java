package trent.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns fuzzer bytes into structured values, deterministically, so every target takes plain
 * {@code byte[]} and a seed replays the same way inside and outside Jazzer. Past the end it returns
 * zeros and empty strings.
 */
final class ByteReader {

  private final byte[] data;
  private int pos;

  ByteReader(byte[] data) {
    this.data = data;
  }

  int nextByte() {
    return pos < data.length ? Byte.toUnsignedInt(data[pos++]) : 0;
  }

  boolean nextBoolean() {
    return (nextByte() & 1) == 1;
  }

  /** A value in {@code [0, bound)}. */
  int nextInt(int bound) {
    return nextByte() % bound;
  }

  <T> T pick(T[] values) {
    return values[nextInt(values.length)];
  }

  /** A string of up to 255 bytes, length-prefixed, decoded as UTF-8 (malformed bytes included). */
  String nextString() {
    int length = Math.min(nextByte(), data.length - pos);
    String s = new String(data, pos, Math.max(0, length), StandardCharsets.UTF_8);
    pos += Math.max(0, length);
    return s;
  }

  byte[] rest() {
    byte[] rest = pos < data.length ? Arrays.copyOfRange(data, pos, data.length) : new byte[0];
    pos = data.length;
    return rest;
  }
}
