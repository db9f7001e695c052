package trent.domain.key;

import java.util.Optional;
import trent.domain.Scope;
import trent.storage.KeyRecord;
import trent.storage.Transaction;

/** Where {@link KeyResolver} finds keys and aliases: a storage transaction, or the in-memory cache. */
public interface KeyLookup {

  /** The key of that id in {@code region} (one copy of a multi-Region key), in any account. */
  Optional<KeyRecord> key(String keyId, String region);

  /** The key id an alias of the scope points at. */
  Optional<String> aliasTarget(Scope scope, String aliasName);

  /** Looks up through one storage transaction. */
  static KeyLookup of(Transaction tx) {
    return new KeyLookup() {
      @Override
      public Optional<KeyRecord> key(String keyId, String region) {
        return tx.keys().find(keyId, region);
      }

      @Override
      public Optional<String> aliasTarget(Scope scope, String aliasName) {
        return tx.aliases().find(scope.account(), scope.region(), aliasName).map(a -> a.targetKeyId());
      }
    };
  }
}
