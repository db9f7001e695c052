package trent.domain.key;

import java.util.Optional;
import trent.domain.Scope;
import trent.domain.error.NotFoundException;
import trent.storage.KeyRecord;
import trent.storage.Transaction;

/**
 * Finds the key a caller names, in the caller's scope, with AWS's NotFoundException texts
 * ({@code GENERATE_DATA_KEY_WITHOUT_PLAINTEXT.md} section 2.1).
 *
 * <p>A key id or alias name is looked up in the caller's own account and Region. An ARN naming
 * another Region is refused as AWS refuses it; an ARN naming another account finds nothing until
 * cross-account authorization exists.
 */
public final class KeyResolver {

  /** Which identifier forms an operation accepts (its "KeyId forms" in OPERATIONS.md). */
  public enum Forms {
    /** Key id or key ARN. */
    KEY_ID_OR_ARN,
    /** Key id, key ARN, alias name or alias ARN. */
    ANY
  }

  public KmsKey resolve(Transaction tx, Scope scope, String text, Forms forms) {
    return resolve(KeyLookup.of(tx), scope, text, forms);
  }

  public KmsKey resolve(KeyLookup tx, Scope scope, String text, Forms forms) {
    KeyReference ref = KeyReference.parse(text);
    if (ref instanceof KeyReference.KeyId k) {
      return find(tx, scope, k.keyId());
    }
    if (ref instanceof KeyReference.KeyArn k) {
      requireRegion(scope, k.region());
      if (!k.account().equals(scope.account())) {
        throw NotFoundException.keyDoesNotExist(k.text());
      }
      return find(tx, scope, k.keyId());
    }
    if (forms == Forms.ANY && ref instanceof KeyReference.AliasName a) {
      return viaAlias(tx, scope, a.aliasName());
    }
    if (forms == Forms.ANY && ref instanceof KeyReference.AliasArn a) {
      requireRegion(scope, a.region());
      if (!a.account().equals(scope.account())) {
        throw NotFoundException.aliasNotFound(a.text());
      }
      return viaAlias(tx, scope, a.aliasName());
    }
    throw NotFoundException.invalidKeyId(text);
  }

  private static void requireRegion(Scope scope, String region) {
    if (!region.equals(scope.region())) {
      throw NotFoundException.invalidArnRegion(region);
    }
  }

  /** The key of that id in the scope, if any. */
  public static Optional<KmsKey> findInScope(KeyLookup tx, Scope scope, String keyId) {
    return tx.key(keyId)
        .filter(r -> r.account().equals(scope.account()) && r.region().equals(scope.region()))
        .map(KmsKey::new);
  }

  private static KmsKey find(KeyLookup tx, Scope scope, String keyId) {
    Optional<KeyRecord> record = tx.key(keyId)
        .filter(r -> r.account().equals(scope.account()) && r.region().equals(scope.region()));
    return new KmsKey(record.orElseThrow(
        () -> NotFoundException.keyDoesNotExist(KeyArns.key(scope.region(), scope.account(), keyId))));
  }

  private static KmsKey viaAlias(KeyLookup tx, Scope scope, String aliasName) {
    String target = tx.aliasTarget(scope, aliasName)
        .orElseThrow(() -> NotFoundException.aliasNotFound(KeyArns.alias(scope.region(), scope.account(), aliasName)));
    return find(tx, scope, target);
  }
}
