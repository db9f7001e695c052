package trent.protocol.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds the SigV4 canonical request of a received request, as AWS does for services other than
 * S3.
 *
 * <p>Rules (AWS General Reference, "Create a canonical request"; checked by the published
 * aws-sig-v4-test-suite, see {@code SigV4VectorsTest}):
 *
 * <ul>
 *   <li>URI: the received path with dot segments removed and empty segments dropped, then
 *       URI-encoded once more. The path on the wire is already encoded once, so this is the
 *       "double encoding" AWS requires of every service but S3.
 *   <li>Query: parameters decoded, re-encoded strictly (only unreserved characters kept), sorted
 *       by encoded name then encoded value; a parameter without {@code '='} gets an empty value.
 *   <li>Headers: those named in SignedHeaders, lower-cased, each value trimmed with runs of spaces
 *       collapsed to one, repeated headers joined with {@code ','} in received order.
 * </ul>
 *
 * <p>No regular expressions: this runs once per request.
 */
final class CanonicalRequest {

  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  private CanonicalRequest() {}

  /**
   * Returns the canonical request.
   *
   * @param request the request as received
   * @param signedHeaders the SignedHeaders value from the Authorization header, as received
   * @param payloadHash lower-case hex SHA-256 of the body
   */
  static String build(SignedRequest request, String signedHeaders, String payloadHash) {
    // Sized for a typical SDK request (its signed headers and their values fill about 400
    // characters), so that the builder is not copied as it grows.
    StringBuilder sb = new StringBuilder(640 + request.path().length() + request.query().length());
    appendTo(sb, request, signedHeaders, payloadHash);
    return sb.toString();
  }

  /** Appends the canonical request to {@code sb}; {@link #build} as text. */
  static void appendTo(StringBuilder sb, SignedRequest request, String signedHeaders, CharSequence payloadHash) {
    sb.append(request.method()).append('\n');
    appendCanonicalUri(sb, request.path());
    sb.append('\n');
    appendCanonicalQuery(sb, request.query());
    sb.append('\n');
    appendCanonicalHeaders(sb, request.headers(), signedHeaders);
    sb.append('\n');
    sb.append(signedHeaders).append('\n');
    sb.append(payloadHash);
  }

  static String canonicalUri(String rawPath) {
    StringBuilder sb = new StringBuilder(rawPath.length() + 8);
    appendCanonicalUri(sb, rawPath);
    return sb.toString();
  }

  static String canonicalQuery(String rawQuery) {
    StringBuilder sb = new StringBuilder(rawQuery.length() + 8);
    appendCanonicalQuery(sb, rawQuery);
    return sb.toString();
  }

  private static void appendCanonicalUri(StringBuilder sb, String rawPath) {
    int n = rawPath.length();
    // Segment boundaries of the normalised path, as [start, end) pairs into rawPath.
    int[] bounds = new int[16];
    int count = 0;
    boolean trailingSlash = false;
    int i = 0;
    while (i < n) {
      while (i < n && rawPath.charAt(i) == '/') {
        i++;
      }
      if (i >= n) {
        trailingSlash = count > 0 || n > 0;
        break;
      }
      int end = rawPath.indexOf('/', i);
      if (end < 0) {
        end = n;
      }
      int len = end - i;
      boolean last = end >= n;
      if (len == 1 && rawPath.charAt(i) == '.') {
        trailingSlash = last;
      } else if (len == 2 && rawPath.charAt(i) == '.' && rawPath.charAt(i + 1) == '.') {
        if (count > 0) {
          count--;
        }
        trailingSlash = last;
      } else {
        if (2 * count + 2 > bounds.length) {
          bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * count] = i;
        bounds[2 * count + 1] = end;
        count++;
        trailingSlash = false;
      }
      i = end;
    }
    if (count == 0) {
      sb.append('/');
      return;
    }
    for (int s = 0; s < count; s++) {
      sb.append('/');
      appendEncoded(sb, rawPath, bounds[2 * s], bounds[2 * s + 1]);
    }
    if (trailingSlash) {
      sb.append('/');
    }
  }

  private static void appendCanonicalQuery(StringBuilder sb, String rawQuery) {
    if (rawQuery.isEmpty()) {
      return;
    }
    int n = rawQuery.length();
    String[] names = new String[8];
    String[] values = new String[8];
    int count = 0;
    int i = 0;
    while (i <= n) {
      int amp = rawQuery.indexOf('&', i);
      if (amp < 0) {
        amp = n;
      }
      if (amp > i) {
        int eq = rawQuery.indexOf('=', i);
        if (eq < 0 || eq > amp) {
          eq = amp;
        }
        if (count == names.length) {
          names = Arrays.copyOf(names, count * 2);
          values = Arrays.copyOf(values, count * 2);
        }
        names[count] = reencode(rawQuery, i, eq);
        values[count] = eq < amp ? reencode(rawQuery, eq + 1, amp) : "";
        count++;
      }
      i = amp + 1;
    }
    Integer[] order = new Integer[count];
    for (int k = 0; k < count; k++) {
      order[k] = k;
    }
    final String[] sortNames = names;
    final String[] sortValues = values;
    // Encoded strings are ASCII, so String order is byte order.
    Arrays.sort(order, (a, b) -> {
      int c = sortNames[a].compareTo(sortNames[b]);
      return c != 0 ? c : sortValues[a].compareTo(sortValues[b]);
    });
    for (int k = 0; k < count; k++) {
      if (k > 0) {
        sb.append('&');
      }
      sb.append(names[order[k]]).append('=').append(values[order[k]]);
    }
  }

  private static void appendCanonicalHeaders(
      StringBuilder sb, List<Map.Entry<String, String>> headers, String signedHeaders) {
    int n = signedHeaders.length();
    int i = 0;
    while (i < n) {
      int semi = signedHeaders.indexOf(';', i);
      if (semi < 0) {
        semi = n;
      }
      if (semi > i) {
        appendLowerCase(sb, signedHeaders, i, semi);
        sb.append(':');
        boolean first = true;
        for (int h = 0, hn = headers.size(); h < hn; h++) {
          Map.Entry<String, String> header = headers.get(h);
          String name = header.getKey();
          if (name.length() == semi - i && name.regionMatches(true, 0, signedHeaders, i, semi - i)) {
            if (!first) {
              sb.append(',');
            }
            appendTrimmedCollapsed(sb, header.getValue());
            first = false;
          }
        }
        sb.append('\n');
      }
      i = semi + 1;
    }
  }

  /** Appends the value without leading and trailing blanks, each run of blanks made one space. */
  private static void appendTrimmedCollapsed(StringBuilder sb, String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isBlank(value.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(value.charAt(end - 1))) {
      end--;
    }
    boolean inBlank = false;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (isBlank(c)) {
        if (!inBlank) {
          sb.append(' ');
          inBlank = true;
        }
      } else {
        sb.append(c);
        inBlank = false;
      }
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static void appendLowerCase(StringBuilder sb, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
  }

  /** URI-encodes {@code s[from, to)} as UTF-8, keeping only unreserved characters. */
  private static void appendEncoded(StringBuilder sb, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (isUnreserved(c)) {
        sb.append(c);
      } else if (c < 0x80) {
        appendPercent(sb, c);
      } else {
        // Rare: non-ASCII on the request line. Encode the whole rest of the segment via UTF-8.
        int end = i + 1;
        while (end < to && s.charAt(end) >= 0x80) {
          end++;
        }
        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          appendPercent(sb, b & 0xff);
        }
        i = end - 1;
      }
    }
  }

  /**
   * Decodes {@code %XX} escapes in {@code s[from, to)} (never {@code '+'}, which SigV4 does not
   * treat as a space) and encodes the bytes again strictly.
   */
  private static String reencode(String s, int from, int to) {
    boolean plain = true;
    for (int i = from; i < to; i++) {
      if (!isUnreserved(s.charAt(i))) {
        plain = false;
        break;
      }
    }
    if (plain) {
      return s.substring(from, to);
    }
    byte[] bytes = new byte[(to - from) * 3];
    int len = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int hi;
      int lo;
      if (c == '%' && i + 2 < to
          && (hi = Character.digit(s.charAt(i + 1), 16)) >= 0
          && (lo = Character.digit(s.charAt(i + 2), 16)) >= 0) {
        bytes[len++] = (byte) ((hi << 4) | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes[len++] = (byte) c;
      } else {
        int end = i + 1;
        while (end < to && s.charAt(end) >= 0x80) {
          end++;
        }
        byte[] utf8 = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
        if (len + utf8.length > bytes.length) {
          bytes = Arrays.copyOf(bytes, len + utf8.length + (to - end) * 3);
        }
        System.arraycopy(utf8, 0, bytes, len, utf8.length);
        len += utf8.length;
        i = end - 1;
      }
    }
    StringBuilder sb = new StringBuilder(len * 3);
    for (int k = 0; k < len; k++) {
      int b = bytes[k] & 0xff;
      if (b < 0x80 && isUnreserved((char) b)) {
        sb.append((char) b);
      } else {
        appendPercent(sb, b);
      }
    }
    return sb.toString();
  }

  private static void appendPercent(StringBuilder sb, int b) {
    sb.append('%').append(HEX_UPPER[b >>> 4]).append(HEX_UPPER[b & 0x0f]);
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}
