/**
 * Rewrapping every stored secret under the keyring's active term, for a root of trust rotation.
 *
 * <p>Every kind of secret Trent stores wrapped under the keyring is one {@link
 * trent.domain.rewrap.WrappedSecrets}, listed once in {@link trent.domain.rewrap.WrappedSecretKinds#all()};
 * {@link trent.domain.rewrap.SecretRewrap} walks them all. A new kind of wrapped secret (import
 * parameters, a custom key store's credentials, ...) joins the rotation by implementing
 * {@code WrappedSecrets} and adding itself to that list; nothing else changes.
 */
package trent.domain.rewrap;
