package trent.protocol;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import trent.ops.Caller;
import trent.protocol.sigv4.Authentication;
import trent.protocol.sigv4.SignedRequest;
import trent.protocol.sigv4.SigV4Verifier;

/**
 * Turns a signed request into the caller it comes from.
 *
 * <p>With identities configured, every request must carry a valid SigV4 signature of a known
 * access key. In development mode (no identities) the Authorization header must still be well
 * formed, but any access key is accepted, unchecked, as the root of the development account, which
 * may do everything the key policies of its account allow (with the default key policy: everything).
 */
public final class Authenticator {

  /** The caller and the Region of an authenticated request. */
  public record Authenticated(Caller caller, String region) {}

  private final Map<String, Identity> identities;
  private final SigV4Verifier verifier;
  private final String developmentAccount;

  private Authenticator(Map<String, Identity> identities, String developmentAccount, Clock clock) {
    this.identities = identities;
    this.developmentAccount = developmentAccount;
    this.verifier = new SigV4Verifier(
        accessKeyId -> Optional.ofNullable(identities.get(accessKeyId)).map(Identity::secretAccessKey),
        clock, "kms");
  }

  /** Verifies every signature against {@code identities}. */
  public static Authenticator withIdentities(List<Identity> identities, Clock clock) {
    if (identities.isEmpty()) {
      throw new IllegalArgumentException("at least one identity is required; use developmentMode() otherwise");
    }
    Map<String, Identity> byKey = identities.stream()
        .collect(Collectors.toUnmodifiableMap(Identity::accessKeyId, Function.identity()));
    return new Authenticator(byKey, null, clock);
  }

  /** Accepts any well-formed SigV4 request as the root of {@code account}. */
  public static Authenticator developmentMode(String account, Clock clock) {
    return new Authenticator(Map.of(), account, clock);
  }

  public boolean isDevelopmentMode() {
    return developmentAccount != null;
  }

  public Authenticated authenticate(SignedRequest request) {
    if (developmentAccount != null) {
      Authentication auth = verifier.parseOnly(request);
      Caller caller = new Caller(developmentAccount, "arn:aws:iam::" + developmentAccount + ":root", auth.accessKeyId());
      return new Authenticated(caller, auth.region());
    }
    Authentication auth = verifier.verify(request);
    Identity identity = identities.get(auth.accessKeyId());
    return new Authenticated(new Caller(identity.account(), identity.arn(), identity.accessKeyId(), identity.policies()),
        auth.region());
  }
}
