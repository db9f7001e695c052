package trent.ops;

import java.util.Objects;

/**
 * What an operation knows about the request besides its input.
 *
 * @param requestId the request id sent back as {@code x-amzn-RequestId}
 * @param caller the authenticated principal
 * @param region the Region of the request, from the SigV4 credential scope
 * @param sourceIp the client's address, as text
 * @param keysUsed where the operation notes the keys it resolved, for the audit event's resources
 * @param mayBlock whether the operation runs where it may block (false on an I/O thread; see
 *     {@link BlockingRequired})
 * @param secureTransport true when the request came over TLS (the condition key {@code aws:SecureTransport})
 */
public record CallContext(String requestId, Caller caller, String region, String sourceIp, KeysUsed keysUsed,
    boolean mayBlock, boolean secureTransport) {

  /** A context of a request that did not come over TLS. */
  public CallContext(String requestId, Caller caller, String region, String sourceIp, KeysUsed keysUsed,
      boolean mayBlock) {
    this(requestId, caller, region, sourceIp, keysUsed, mayBlock, false);
  }

  /** A context on a thread that may block, of a request that did not come over TLS. */
  public CallContext(String requestId, Caller caller, String region, String sourceIp, KeysUsed keysUsed) {
    this(requestId, caller, region, sourceIp, keysUsed, true);
  }

  /** The same request, on a thread that may block. */
  public CallContext blockable() {
    return mayBlock ? this : new CallContext(requestId, caller, region, sourceIp, keysUsed, true, secureTransport);
  }

  /** A context whose noted keys nobody reads. */
  public CallContext(String requestId, Caller caller, String region, String sourceIp) {
    this(requestId, caller, region, sourceIp, new KeysUsed());
  }

  public CallContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(sourceIp, "sourceIp");
    Objects.requireNonNull(keysUsed, "keysUsed");
  }

  public String account() {
    return caller.account();
  }
}
