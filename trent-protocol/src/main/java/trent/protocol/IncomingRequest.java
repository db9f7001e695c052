package trent.protocol;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as received, independent of the HTTP library.
 *
 * @param headers in received order, names as received
 * @param path the raw path of the request line, without the query
 * @param query the raw query, without {@code ?}; empty when none
 * @param sourceIp the client's address, as text ({@code unknown} when not known)
 * @param secureTransport true when the request came over TLS (the condition key {@code aws:SecureTransport})
 */
public record IncomingRequest(
    String requestId,
    String method,
    String path,
    String query,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    String sourceIp,
    boolean secureTransport) {

  /** A request that did not come over TLS. */
  public IncomingRequest(String requestId, String method, String path, String query,
      List<Map.Entry<String, String>> headers, byte[] body, String sourceIp) {
    this(requestId, method, path, query, headers, body, sourceIp, false);
  }

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
