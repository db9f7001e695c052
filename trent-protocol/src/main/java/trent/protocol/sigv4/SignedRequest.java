package trent.protocol.sigv4;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as received, before any interpretation: the input of {@link SigV4Verifier}.
 *
 * <p>Nothing is decoded or normalised here; the verifier canonicalises as SigV4 requires. The
 * record does not copy {@code body}: the caller must not change the array while the request is
 * being verified.
 *
 * @param method the method as on the request line, e.g. {@code POST}
 * @param path the raw path as on the request line, still percent-encoded, without the query
 * @param query the raw query string without {@code '?'}; {@code ""} when there is none
 * @param headers every header in received order, names as received (matched case-insensitively);
 *     a name that occurs several times appears once per occurrence
 * @param body the request body; an empty array when there is none
 */
public record SignedRequest(
    String method,
    String path,
    String query,
    List<Map.Entry<String, String>> headers,
    byte[] body) {

  public SignedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /**
   * Returns the value of the first header named {@code name} (case-insensitive), or {@code null}.
   */
  String firstHeader(String name) {
    for (int i = 0, n = headers.size(); i < n; i++) {
      Map.Entry<String, String> h = headers.get(i);
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }
}
