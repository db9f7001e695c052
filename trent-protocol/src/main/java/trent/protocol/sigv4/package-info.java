/**
 * AWS Signature Version 4 verification for requests arriving over the wire.
 *
 * <p>{@link trent.protocol.sigv4.SigV4Verifier} takes a request exactly as received ({@link
 * trent.protocol.sigv4.SignedRequest}), parses its {@code Authorization} header, rebuilds the
 * canonical request the way AWS does for services other than S3, and checks the signature against
 * the secret found through a {@link trent.protocol.sigv4.CredentialStore}. Failures are reported
 * with the error types and message texts AWS uses ({@code trent.domain.error}).
 *
 * <p>This package knows nothing of Netty, JSON or KMS operations, and nothing of where access keys
 * are stored; it holds no static mutable state, and time comes only from the injected {@link
 * java.time.Clock}.
 */
package trent.protocol.sigv4;
