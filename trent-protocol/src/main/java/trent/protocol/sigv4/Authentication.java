package trent.protocol.sigv4;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of authenticating a request: who signed it and for which credential scope.
 *
 * <p>Returned by {@link SigV4Verifier#verify} only after the signature was checked, and by {@link
 * SigV4Verifier#parseOnly} (development mode) after the {@code Authorization} header was merely
 * parsed; the caller knows which of the two it called.
 *
 * @param accessKeyId the access key id from the credential scope
 * @param region the region from the credential scope
 * @param service the service from the credential scope
 * @param date the date from the credential scope, {@code yyyyMMdd}
 * @param sessionToken the {@code X-Amz-Security-Token} header, when the request carried one
 */
public record Authentication(
    String accessKeyId,
    String region,
    String service,
    String date,
    Optional<String> sessionToken) {

  public Authentication {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(sessionToken, "sessionToken");
  }

  /** Never prints the session token, which is a credential. */
  @Override
  public String toString() {
    return "Authentication[accessKeyId=" + accessKeyId + ", region=" + region + ", service="
        + service + ", date=" + date + ", sessionToken=" + (sessionToken.isPresent() ? "***" : "none")
        + "]";
  }
}
