package trent.protocol.sigv4;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the test suite's raw HTTP files into {@link SignedRequest}s. */
final class SuiteRequests {

  private SuiteRequests() {}

  static String resource(String name) {
    try (InputStream in = SuiteRequests.class.getResourceAsStream("/sigv4/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses {@code METHOD SP target SP HTTP/1.1}, then {@code Name:value} lines up to an empty line,
   * then the body. The target may contain raw spaces (the suite's {@code *-space} cases), so it
   * runs from the first space to the last.
   */
  static SignedRequest parse(String text) {
    String[] lines = text.split("\n", -1);
    String requestLine = lines[0];
    String method = requestLine.substring(0, requestLine.indexOf(' '));
    String target = requestLine.substring(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(' '));
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? "" : target.substring(q + 1);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    int i = 1;
    for (; i < lines.length && !lines[i].isEmpty(); i++) {
      int colon = lines[i].indexOf(':');
      headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1)));
    }
    StringBuilder body = new StringBuilder();
    for (int b = i + 1; b < lines.length; b++) {
      if (b > i + 1) {
        body.append('\n');
      }
      body.append(lines[b]);
    }
    return new SignedRequest(
        method, path, query, headers, body.toString().getBytes(StandardCharsets.UTF_8));
  }
}
