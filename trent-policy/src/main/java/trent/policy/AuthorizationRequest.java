package trent.policy;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Everything the KMS decision needs for one request on one key.
 *
 * @param request the caller, the action ({@code kms:Decrypt}), the key ARN as resource, and the condition keys
 * @param keyAccount the account that owns the key
 * @param keyPolicy the key's policy
 * @param identityPolicies the caller's IAM identity policies (empty for an account root, which has none)
 * @param grants whether a grant on the key allows this operation to this caller with this
 *     encryption context (decided by the grant layer, which owns grants and their constraints);
 *     asked at most once, and only when the policies alone do not decide: on the data plane the
 *     key policy usually allows, and the grants then cost nothing
 * @param identityRequest what the identity policies are evaluated against: {@code request} plus the
 *     condition keys AWS supports only in IAM policies ({@code aws:ResourceTag/<key>},
 *     {@code kms:ResourceAliases}; KMS developer guide, "ABAC for AWS KMS"); the same as
 *     {@code request} when there are none
 */
public record AuthorizationRequest(RequestContext request, String keyAccount, PolicyDocument keyPolicy,
    List<PolicyDocument> identityPolicies, BooleanSupplier grants, RequestContext identityRequest) {

  public AuthorizationRequest {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(grants, "grants");
    Objects.requireNonNull(keyAccount, "keyAccount");
    Objects.requireNonNull(keyPolicy, "keyPolicy");
    identityPolicies = List.copyOf(identityPolicies);
    Objects.requireNonNull(identityRequest, "identityRequest");
  }

  /** A request whose grant answer is already known. */
  public AuthorizationRequest(RequestContext request, String keyAccount, PolicyDocument keyPolicy,
      List<PolicyDocument> identityPolicies, boolean grantsAllow, RequestContext identityRequest) {
    this(request, keyAccount, keyPolicy, identityPolicies, grantsAllow ? () -> true : () -> false, identityRequest);
  }

  /** Whether a grant allows the request: asks the grant layer. */
  public boolean grantsAllow() {
    return grants.getAsBoolean();
  }

  /** A request whose identity policies see the same condition keys as the key policy. */
  public AuthorizationRequest(RequestContext request, String keyAccount, PolicyDocument keyPolicy,
      List<PolicyDocument> identityPolicies, boolean grantsAllow) {
    this(request, keyAccount, keyPolicy, identityPolicies, grantsAllow, request);
  }
}
