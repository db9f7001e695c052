package trent.protocol;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as received, independent of the HTTP library.
 *
 * @param headers in received order, names as received
 * @param path the raw path of the request line, without the query
 * @param query the raw query, without {@code ?}; empty when none
 */
public record IncomingRequest(
    String requestId,
    String method,
    String path,
    String query,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    String sourceIp) {

  /** The first value of a header, matched case-insensitively, or null. */
  public String header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }
}
