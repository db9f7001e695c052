package trent.ops;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.domain.error.AccessDeniedException;
import trent.domain.error.LimitExceededException;
import trent.domain.error.MalformedPolicyDocumentException;
import trent.domain.grant.Grant;
import trent.domain.grant.GrantOperation;
import trent.domain.grant.Grants;
import trent.domain.key.KeyPolicies;
import trent.domain.key.KmsKey;
import trent.domain.key.ResourceAttributes;
import trent.policy.AuthorizationDecision;
import trent.policy.AuthorizationRequest;
import trent.policy.KmsAuthorizer;
import trent.policy.LockoutSafetyCheck;
import trent.policy.PolicyDocumentException;
import trent.policy.PolicyType;
import trent.policy.PolicyDocument;
import trent.policy.RequestContext;

/**
 * The two authorization steps every operation takes, in this order (STYLE.md section 2, spec
 * section 8): {@link #grantTokens} right after the key is resolved, then {@link #authorize} (or
 * {@link #authorizeIdentityOnly} for IAM-only permissions), before key state and key usage.
 *
 * <p>The decision is {@link KmsAuthorizer}'s, over the key's policy (parsed once per text,
 * {@link KeyPolicies}), the caller's identity policies (parsed at start) and whether a grant allows
 * it. The request context carries the principal ({@code aws:PrincipalArn}, {@code aws:PrincipalAccount},
 * {@code kms:CallerAccount}), the action {@code kms:<Operation>}, the key ARN as resource,
 * {@code aws:CurrentTime} / {@code aws:EpochTime} from the injected clock, {@code aws:SourceIp},
 * {@code aws:SecureTransport}, the key's {@code kms:KeySpec} / {@code kms:KeyUsage} (and their deprecated
 * names {@code kms:CustomerMasterKeySpec} / {@code kms:CustomerMasterKeyUsage}) / {@code kms:KeyOrigin} /
 * {@code kms:MultiRegion}, the encryption context, and whatever the operation adds. {@code kms:ViaService}
 * is never present: no AWS service calls Trent on anyone's behalf.
 *
 * <p>The identity policies also see the key's tags ({@code aws:ResourceTag/<key>}) and aliases
 * ({@code kms:ResourceAliases}), which AWS supports in IAM policies only; they come from
 * {@link ResourceAttributes} (memory, no disk once loaded) and are gathered only when an identity
 * policy of the caller names them, so the hot path pays nothing for them otherwise.
 *
 * <p>Fail closed: a key policy that cannot be evaluated denies, with the ordinary "no resource-based
 * policy" message; why goes to the log only.
 */
public final class Access {

  private static final Logger LOG = LoggerFactory.getLogger(Access.class);

  private final Grants grants;
  private final KeyPolicies policies;
  private final ResourceAttributes attributes;
  private final Clock clock;

  /** Access whose identity policies never see a key's tags or aliases (for tools and tests). */
  public Access(Grants grants, KeyPolicies policies, Clock clock) {
    this(grants, policies, null, clock);
  }

  /**
   * @param attributes the tags and aliases of keys, for {@code aws:ResourceTag/<key>} and
   *     {@code kms:ResourceAliases} in identity policies (null: never gathered, so always absent)
   */
  public Access(Grants grants, KeyPolicies policies, ResourceAttributes attributes, Clock clock) {
    this.grants = grants;
    this.policies = policies;
    this.attributes = attributes;
    this.clock = clock;
  }

  public Grants grants() {
    return grants;
  }

  public KeyPolicies policies() {
    return policies;
  }

  /**
   * Step "grant tokens": each token must name a grant that exists ({@code InvalidGrantTokenException}
   * otherwise); the grants they name count in {@link #authorize} at once.
   */
  public List<Grant> grantTokens(CallContext context, List<String> tokens) {
    if (tokens == null || tokens.isEmpty()) {
      return List.of();
    }
    List<Grant> named = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      named.add(grants.fromToken(token, context.region()));
    }
    return named;
  }

  /** Step "authorize" for an operation on a key that takes no encryption context. */
  public void authorize(CallContext context, KmsKey key, String operation, List<Grant> tokenGrants) {
    authorize(context, key, operation, tokenGrants, Map.of(), b -> {});
  }

  /**
   * Step "authorize": {@code AccessDeniedException} with AWS's message unless the key policy, the
   * caller's identity policies and the key's grants together allow {@code kms:<operation>}.
   *
   * @param operation the action without {@code kms:}, which is also the grant operation where one exists
   * @param encryptionContext the request's encryption context (empty when it has none)
   * @param more adds the operation's own condition keys
   */
  public void authorize(CallContext context, KmsKey key, String operation, List<Grant> tokenGrants,
      Map<String, String> encryptionContext, Consumer<RequestContext.Builder> more) {
    authorize(context, key, operation, tokenGrants, encryptionContext, more, g -> true);
  }

  /**
   * As {@link #authorize(CallContext, KmsKey, String, List, Map, Consumer)}, where only the grants
   * {@code grantFits} accepts may allow the request (CreateGrant: a grant lets its grantee create only
   * grants narrower than itself).
   */
  public void authorize(CallContext context, KmsKey key, String operation, List<Grant> tokenGrants,
      Map<String, String> encryptionContext, Consumer<RequestContext.Builder> more, Predicate<Grant> grantFits) {
    Caller caller = context.caller();
    Optional<PolicyDocument> keyPolicy = policies.of(key);
    // Most keys keep a policy without conditions (the default one): then the decision cannot read
    // the condition keys, and building them would be wasted work on the data plane.
    boolean conditionKeys = keyPolicy.map(PolicyDocument::readsConditionKeys).orElse(false)
        || caller.identityPolicies().stream().anyMatch(PolicyDocument::readsConditionKeys);
    RequestContext request = request(context, "kms:" + operation, key.arn(), !conditionKeys ? null : b -> {
      b.condition("kms:KeySpec", key.spec().name())
          .condition("kms:KeyUsage", key.usage().name())
          // Deprecated names, still honoured by AWS (KMS developer guide, "AWS KMS condition keys").
          .condition("kms:CustomerMasterKeySpec", key.spec().name())
          .condition("kms:CustomerMasterKeyUsage", key.usage().name())
          .condition("kms:KeyOrigin", key.origin().name())
          .condition("kms:MultiRegion", Boolean.toString(key.record().multiRegion()));
      if (!encryptionContext.isEmpty()) {
        b.encryptionContext(encryptionContext);
      }
      more.accept(b);
    });
    if (keyPolicy.isEmpty()) {
      LOG.warn("request {}: {} on {} denied because the key policy cannot be evaluated", context.requestId(),
          request.action(), key.arn());
      throw new AccessDeniedException(new AuthorizationDecision(AuthorizationDecision.Reason.NO_KEY_POLICY_ALLOWS,
          request.principalArn(), request.action(), request.resource()).accessDeniedMessage());
    }
    AuthorizationDecision decision = KmsAuthorizer.authorize(new AuthorizationRequest(request, key.account(),
        keyPolicy.get(), caller.identityPolicies(),
        () -> grantAllows(key, operation, tokenGrants, caller.principalArn(), encryptionContext, grantFits),
        identityRequest(request, key, caller)));
    if (!decision.allowed()) {
      throw new AccessDeniedException(decision.accessDeniedMessage());
    }
  }

  /**
   * Step "authorize" for an IAM-only permission (CreateKey, ListKeys, ListAliases, GenerateRandom,
   * ListRetirableGrants, the alias side of the alias operations): only identity policies decide;
   * an account root may.
   *
   * @param resource {@code "*"}, or the ARN the permission is about (an alias ARN)
   */
  public void authorizeIdentityOnly(CallContext context, String operation, String resource,
      Consumer<RequestContext.Builder> more) {
    RequestContext request = request(context, "kms:" + operation, resource, more);
    AuthorizationDecision decision = KmsAuthorizer.authorizeIdentityOnly(request, context.caller().identityPolicies());
    if (!decision.allowed()) {
      throw new AccessDeniedException(decision.accessDeniedMessage());
    }
  }

  /**
   * One condition key an operation adds to {@link #authorize} ({@code kms:SigningAlgorithm},
   * {@code kms:EncryptionAlgorithm}, ...), left out when the request has no value for it.
   */
  public static Consumer<RequestContext.Builder> condition(String key, String value) {
    return b -> {
      if (value != null) {
        b.condition(key, value);
      }
    };
  }

  /**
   * Parses a key policy given to CreateKey or PutKeyPolicy, with AWS's error for a refused one
   * ({@code MalformedPolicyDocumentException}, or {@code LimitExceededException} over 32 KB).
   */
  public static PolicyDocument parseKeyPolicy(String json) {
    try {
      return PolicyDocument.parse(json, PolicyType.KEY_POLICY);
    } catch (PolicyDocumentException e) {
      if (PolicyDocumentException.LIMIT_EXCEEDED.equals(e.errorCode())) {
        throw new LimitExceededException(e.getMessage());
      }
      throw new MalformedPolicyDocumentException(e.getMessage());
    }
  }

  /**
   * The lockout safety check (CreateKey, PutKeyPolicy): unless {@code bypass}, the new policy must
   * let the caller call PutKeyPolicy on the key later ({@code MalformedPolicyDocumentException}
   * with AWS's text otherwise).
   *
   * @param resource the key ARN ({@code "*"} for a key not created yet)
   */
  public void lockoutSafetyCheck(CallContext context, PolicyDocument policy, String resource, boolean bypass) {
    RequestContext request = request(context, "kms:PutKeyPolicy", resource, b -> {});
    try {
      LockoutSafetyCheck.check(policy, request, context.caller().identityPolicies(), bypass);
    } catch (PolicyDocumentException e) {
      throw new MalformedPolicyDocumentException(e.getMessage());
    }
  }

  private boolean grantAllows(KmsKey key, String operation, List<Grant> tokenGrants, String principalArn,
      Map<String, String> encryptionContext, Predicate<Grant> grantFits) {
    GrantOperation op;
    try {
      op = GrantOperation.valueOf(operation);
    } catch (IllegalArgumentException notAGrantOperation) {
      return false;
    }
    return grants.allow(key, tokenGrants, op, principalArn, encryptionContext, grantFits);
  }

  /**
   * The context the identity policies see: the request's, plus the key's tags and aliases when one of
   * the caller's identity policies names them (an account root has none, so it never pays for them).
   */
  private RequestContext identityRequest(RequestContext request, KmsKey key, Caller caller) {
    if (attributes == null || !namesResourceAttributes(caller.identityPolicies())) {
      return request;
    }
    ResourceAttributes.Attributes a = attributes.of(key);
    RequestContext.Builder b = request.toBuilder();
    a.tags().forEach((k, v) -> b.condition("aws:ResourceTag/" + k, v));
    b.condition("kms:ResourceAliases", a.aliases());
    return b.build();
  }

  private static boolean namesResourceAttributes(List<PolicyDocument> identityPolicies) {
    for (PolicyDocument p : identityPolicies) {
      if (p.mentionsConditionKey("aws:ResourceTag/") || p.mentionsConditionKey("kms:ResourceAliases")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The request context of a decision. With {@code conditionKeys} null it holds only the principal,
   * the action and the resource: for decisions whose policies read no condition key.
   */
  private RequestContext request(CallContext context, String action, String resource,
      Consumer<RequestContext.Builder> conditionKeys) {
    Caller caller = context.caller();
    RequestContext.Builder b = RequestContext.builder()
        .principal(caller.principalArn(), caller.account())
        .action(action)
        .resource(resource);
    if (conditionKeys != null) {
      b.currentTime(clock.instant())
          .condition("aws:SecureTransport", context.secureTransport() ? "true" : "false");
      if (!"unknown".equals(context.sourceIp())) {
        b.condition("aws:SourceIp", context.sourceIp());
      }
      conditionKeys.accept(b);
    }
    return b.build();
  }
}
