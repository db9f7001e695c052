package trent.domain.rewrap;

import java.util.List;
import trent.storage.Transaction;

/**
 * One kind of secret stored wrapped under the keyring (key material, ...), as a root rotation
 * walks and rewrites it. Implementations read and write only through the {@link Transaction} they
 * are given, and hold no state: a walk may stop anywhere and start again.
 */
public interface WrappedSecrets {

  /** What the secrets are, plural, for reports: {@code "key material versions"}. */
  String name();

  /**
   * The next records after {@code cursor} (null: from the first), in an order that does not change
   * while records are rewrapped; about {@code limit} records, more when needed to keep the cursor
   * simple.
   */
  Page page(Transaction tx, String cursor, int limit);

  /**
   * Stores {@code rewrapped} (the same secret, wrapped anew with the same associated data) in place
   * of {@code secret} if the record still holds {@code secret.wrapped()}. Returns false, changing
   * nothing, when the record is gone or was changed meanwhile.
   */
  boolean replace(Transaction tx, WrappedSecret secret, byte[] rewrapped);

  /** A page of records; {@code next} is the cursor of the following page, null after the last. */
  record Page(List<WrappedSecret> secrets, String next) {
    public Page {
      secrets = List.copyOf(secrets);
    }
  }
}
