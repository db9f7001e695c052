package trent.policy;

import java.util.Optional;

/**
 * An IPv4 or IPv6 address block in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}); an
 * address without a prefix length is a single address. Parsed by hand, never with
 * {@code InetAddress.getByName}, which may resolve host names (I/O). Immutable.
 */
final class IpRange {

  private final byte[] network;
  private final int prefixLength;

  private IpRange(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /** Parses a CIDR block or a single address; empty if the text is neither. */
  static Optional<IpRange> parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    Optional<byte[]> bytes = parseAddress(address);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    int max = bytes.get().length * 8;
    int prefix = max;
    if (slash >= 0) {
      String digits = s.substring(slash + 1);
      if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(digits);
      if (prefix > max) {
        return Optional.empty();
      }
    }
    return Optional.of(new IpRange(bytes.get(), prefix));
  }

  /** True if {@code address} (a literal address, no prefix) lies in this block. */
  boolean contains(String address) {
    Optional<byte[]> candidate = parseAddress(address.trim());
    if (candidate.isEmpty() || candidate.get().length != network.length) {
      return false;
    }
    byte[] c = candidate.get();
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (c[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (c[full] & mask) == (network[full] & mask);
  }

  /** Parses a literal IPv4 or IPv6 address. */
  static Optional<byte[]> parseAddress(String s) {
    if (s.indexOf(':') >= 0) {
      return parseV6(s);
    }
    return parseV4(s);
  }

  private static Optional<byte[]> parseV4(String s) {
    String[] octets = s.split("\\.", -1);
    if (octets.length != 4) {
      return Optional.empty();
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String o = octets[i];
      if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return Optional.empty();
      }
      int v = Integer.parseInt(o);
      if (v > 255) {
        return Optional.empty();
      }
      out[i] = (byte) v;
    }
    return Optional.of(out);
  }

  private static Optional<byte[]> parseV6(String s) {
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return Optional.empty();
    }
    String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
    String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
    int[] headGroups = groups(head, doubleColon < 0);
    int[] tailGroups = doubleColon >= 0 ? groups(tail, true) : new int[0];
    if (headGroups == null || tailGroups == null) {
      return Optional.empty();
    }
    int total = headGroups.length + tailGroups.length;
    if (doubleColon < 0 ? total != 8 : total > 7) {
      return Optional.empty();
    }
    int[] all = new int[8];
    System.arraycopy(headGroups, 0, all, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (all[i] >> 8);
      out[2 * i + 1] = (byte) all[i];
    }
    return Optional.of(out);
  }

  /**
   * Splits colon-separated hex groups; when {@code last} the final part may be a dotted IPv4
   * address (two groups). Null if malformed.
   */
  private static int[] groups(String part, boolean last) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] pieces = part.split(":", -1);
    int count = pieces.length;
    boolean v4Tail = last && pieces[count - 1].indexOf('.') >= 0;
    int[] out = new int[count + (v4Tail ? 1 : 0)];
    for (int i = 0; i < count; i++) {
      String p = pieces[i];
      if (v4Tail && i == count - 1) {
        Optional<byte[]> v4 = parseV4(p);
        if (v4.isEmpty()) {
          return null;
        }
        byte[] b = v4.get();
        out[i] = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        out[i + 1] = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < p.length(); k++) {
        int d = Character.digit(p.charAt(k), 16);
        if (d < 0) {
          return null;
        }
        v = v * 16 + d;
      }
      out[i] = v;
    }
    return out;
  }
}
