package trent.crypto.keyring;

import trent.crypto.IntegrityException;

/**
 * The root of trust: the one secret (or device) under which everything else is wrapped.
 *
 * <p>Guarantees: {@link #wrap} returns bytes that reveal nothing of the plaintext and that
 * {@link #unwrap} accepts only with the same associated data, under the same root; any other bytes
 * or associated data fail with {@link IntegrityException}. Implementations are thread-safe.
 */
public interface RootOfTrust extends AutoCloseable {

  /** A stable, non-secret identifier of this root (e.g. a fingerprint), stored beside wrapped terms. */
  String id();

  byte[] wrap(byte[] plaintext, byte[] associatedData);

  byte[] unwrap(byte[] wrapped, byte[] associatedData);

  @Override
  void close();
}
