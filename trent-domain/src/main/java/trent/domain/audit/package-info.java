/**
 * The audit event: what is recorded about one request, in the shape of an AWS CloudTrail record.
 *
 * <p>An event never holds plaintext, ciphertext, key material or any other secret: it is built
 * from an allow-list of request members, so a member nobody has reviewed is left out. This
 * package knows nothing of how events are serialised or where they are written.
 */
package trent.domain.audit;
