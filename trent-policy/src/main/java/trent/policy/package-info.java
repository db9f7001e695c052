/**
 * IAM policy documents as KMS uses them: parse and validate key policies and identity policies
 * ({@link trent.policy.PolicyDocument}), evaluate one policy against a request
 * ({@link trent.policy.PolicyEvaluator}), make the KMS decision over key policy, identity policies and
 * grants ({@link trent.policy.KmsAuthorizer}), and run the lockout safety check
 * ({@link trent.policy.LockoutSafetyCheck}).
 *
 * <p>Everything here is a pure function of its arguments: no I/O, no clock (the caller puts
 * {@code aws:CurrentTime} into the {@link trent.policy.RequestContext}), no static mutable state.
 * Parsed documents are immutable and may be cached per policy version.
 *
 * <p>This layer knows nothing of Trent: not keys, storage, grants, identities or the wire protocol. It
 * depends only on Jackson for JSON. A refused document is a {@link trent.policy.PolicyDocumentException}
 * carrying AWS's error code and text; the operation layer maps it to its own error type. A denial is an
 * {@link trent.policy.AuthorizationDecision} carrying AWS's {@code AccessDeniedException} message.
 * Every AWS text says where it was observed, or that it is unconfirmed.
 */
package trent.policy;
