package trent.protocol.http;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which web origins may call the KMS API from a browser: Trent's own web console only.
 *
 * <p>The console is served by the admin listener, so its pages have the admin listener's origin
 * (e.g. {@code http://127.0.0.1:4600}) and their calls to the main listener are cross-origin. For
 * an allowed origin the main listener answers the browser's preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) and adds {@code Access-Control-Allow-Origin} to every
 * answer; for any other origin it adds nothing, and a preflight is refused with 403, so the browser
 * never lets another site's page read an answer. No cookies or other ambient credentials are ever
 * involved: every request still carries its own SigV4 signature.
 *
 * <p>Origins are compared exactly (scheme, host and port, as the browser sends them). The set is
 * read through a supplier because the console's port may be known only after the main listener
 * started.
 */
public final class Cors {

  /** No origin is allowed: answers carry no CORS headers and every preflight is refused. */
  public static final Cors NONE = new Cors(Set::of);

  /** Methods the KMS API answers. */
  static final String ALLOW_METHODS = "POST";
  /** Headers the AWS SDK for JavaScript v3 sends with a KMS request. */
  static final List<String> ALLOW_HEADERS = List.of("authorization", "content-type", "x-amz-target",
      "x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "x-amz-user-agent", "amz-sdk-invocation-id",
      "amz-sdk-request");
  /** Response headers the SDK reads. */
  static final String EXPOSE_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, Date";
  static final String MAX_AGE_SECONDS = "600";

  private final Supplier<Set<String>> origins;

  private Cors(Supplier<Set<String>> origins) {
    this.origins = origins;
  }

  /** Allows exactly the origins the supplier returns at the time of each request. */
  public static Cors allowing(Supplier<Set<String>> origins) {
    return new Cors(origins);
  }

  /** Whether a page of {@code origin} (the request's {@code Origin} header, maybe null) may read answers. */
  public boolean allows(String origin) {
    return origin != null && origins.get().contains(origin);
  }

  /**
   * Whether a preflight from {@code origin} asking for {@code method} and {@code requestHeaders}
   * (the comma-separated {@code Access-Control-Request-Headers}, maybe null) is allowed.
   */
  public boolean allowsPreflight(String origin, String method, String requestHeaders) {
    if (!allows(origin) || !ALLOW_METHODS.equals(method)) {
      return false;
    }
    if (requestHeaders == null || requestHeaders.isBlank()) {
      return true;
    }
    for (String h : requestHeaders.split(",")) {
      String name = h.trim().toLowerCase(java.util.Locale.ROOT);
      if (!name.isEmpty() && !ALLOW_HEADERS.contains(name)) {
        return false;
      }
    }
    return true;
  }

  static String allowHeaders() {
    return String.join(", ", ALLOW_HEADERS);
  }
}
