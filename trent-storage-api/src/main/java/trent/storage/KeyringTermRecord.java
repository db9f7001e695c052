package trent.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One term of the keyring: a storage wrapping key, itself wrapped by the root of trust.
 *
 * @param term the term number, unique, increasing
 * @param rootId identifies the root of trust that wrapped this term's key
 * @param wrappedKey the wrapped key (opaque)
 */
public record KeyringTermRecord(int term, String rootId, byte[] wrappedKey, Instant createdAt) {

  public KeyringTermRecord {
    Objects.requireNonNull(rootId, "rootId");
    Objects.requireNonNull(createdAt, "createdAt");
    wrappedKey = wrappedKey.clone();
  }

  @Override
  public byte[] wrappedKey() {
    return wrappedKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyringTermRecord r
        && term == r.term
        && rootId.equals(r.rootId)
        && java.util.Arrays.equals(wrappedKey, r.wrappedKey)
        && createdAt.equals(r.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(term, rootId, createdAt);
  }

  @Override
  public String toString() {
    return "KeyringTermRecord[term=" + term + ", rootId=" + rootId + ", createdAt=" + createdAt + "]";
  }
}
