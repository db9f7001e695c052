package trent.domain.key;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.domain.Caches;
import trent.policy.PolicyDocument;
import trent.policy.PolicyDocumentException;
import trent.policy.PolicyType;

/**
 * Key policies, parsed once per policy text and kept: the data plane never parses JSON to decide.
 * The cache is keyed by the policy text itself, so a PutKeyPolicy needs no invalidation (the new
 * text is a new entry; the old one ages out of the bounded cache).
 *
 * <p>Fail closed: a stored policy that does not parse (written before policies were validated, or
 * by hand) is empty here, which the authorization step treats as "denies everything". Why it is
 * refused goes to the log once per text, never to a caller.
 */
public final class KeyPolicies {

  private static final Logger LOG = LoggerFactory.getLogger(KeyPolicies.class);

  private final Cache<String, Optional<PolicyDocument>> parsed;

  public KeyPolicies(long maximumPolicies) {
    this.parsed = Caches.onCaller().maximumSize(maximumPolicies).build();
  }

  /** The key's policy, parsed; empty when it cannot be evaluated. */
  public Optional<PolicyDocument> of(KmsKey key) {
    return parsed.get(key.record().policy(), text -> parse(key, text));
  }

  private static Optional<PolicyDocument> parse(KmsKey key, String text) {
    try {
      return Optional.of(PolicyDocument.parse(text, PolicyType.KEY_POLICY));
    } catch (PolicyDocumentException e) {
      LOG.error("The key policy of {} cannot be evaluated ({}: {}); every request on the key that needs it is denied.",
          key.arn(), e.errorCode(), e.getMessage());
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.error("The key policy of {} cannot be evaluated; every request on the key that needs it is denied.", key.arn(), e);
      return Optional.empty();
    }
  }
}
