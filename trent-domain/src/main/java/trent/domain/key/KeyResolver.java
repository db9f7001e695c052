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
 * another Region is refused as AWS refuses it. An ARN naming another account finds that account's
 * key only through {@link #resolveAcrossAccounts}, which the operations that AWS allows across
 * accounts use (OPERATIONS.md "Cross-account: Yes"); authorization then decides. The others find
 * nothing in another account, as before.
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
    return resolve(tx, scope, text, forms, false);
  }

  /**
   * As {@link #resolve(KeyLookup, Scope, String, Forms)}, but a key ARN or alias ARN of another
   * account (same Region) finds that account's key or alias. A bare key id or alias name still
   * means the caller's own account.
   */
  public KmsKey resolveAcrossAccounts(KeyLookup tx, Scope scope, String text, Forms forms) {
    return resolve(tx, scope, text, forms, true);
  }

  private KmsKey resolve(KeyLookup tx, Scope scope, String text, Forms forms, boolean acrossAccounts) {
    KeyReference ref = KeyReference.parse(text);
    if (ref instanceof KeyReference.KeyId k) {
      return find(tx, scope, k.keyId());
    }
    if (ref instanceof KeyReference.KeyArn k) {
      requireRegion(scope, k.region());
      if (!k.account().equals(scope.account())) {
        if (!acrossAccounts) {
          throw NotFoundException.keyDoesNotExist(k.text());
        }
        return find(tx, new Scope(k.account(), scope.region()), k.keyId());
      }
      return find(tx, scope, k.keyId());
    }
    if (forms == Forms.ANY && ref instanceof KeyReference.AliasName a) {
      return viaAlias(tx, scope, a.aliasName());
    }
    if (forms == Forms.ANY && ref instanceof KeyReference.AliasArn a) {
      requireRegion(scope, a.region());
      if (!a.account().equals(scope.account())) {
        if (!acrossAccounts) {
          throw NotFoundException.aliasNotFound(a.text());
        }
        return viaAlias(tx, new Scope(a.account(), scope.region()), a.aliasName());
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

  /**
   * The key of that id in the Region of the scope, in any account: a ciphertext names its key by id,
   * and Decrypt works across accounts; authorization decides whether the caller may use it.
   */
  public static Optional<KmsKey> findInRegion(KeyLookup tx, Scope scope, String keyId) {
    return tx.key(keyId, scope.region()).map(KmsKey::new);
  }

  /** The key of that id in the scope, if any. */
  public static Optional<KmsKey> findInScope(KeyLookup tx, Scope scope, String keyId) {
    return tx.key(keyId, scope.region()).filter(r -> r.account().equals(scope.account())).map(KmsKey::new);
  }

  private static KmsKey find(KeyLookup tx, Scope scope, String keyId) {
    Optional<KeyRecord> record = tx.key(keyId, scope.region()).filter(r -> r.account().equals(scope.account()));
    return new KmsKey(record.orElseThrow(
        () -> NotFoundException.keyDoesNotExist(KeyArns.key(scope.region(), scope.account(), keyId))));
  }

  private static KmsKey viaAlias(KeyLookup tx, Scope scope, String aliasName) {
    String target = tx.aliasTarget(scope, aliasName)
        .orElseThrow(() -> NotFoundException.aliasNotFound(KeyArns.alias(scope.region(), scope.account(), aliasName)));
    return find(tx, scope, target);
  }
}
