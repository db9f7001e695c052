package trent.domain.alias;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import trent.domain.Page;
import trent.domain.Scope;
import trent.domain.error.AlreadyExistsException;
import trent.domain.error.NotAuthorizedException;
import trent.domain.error.NotFoundException;
import trent.domain.error.ValidationException;
import trent.domain.key.KeyArns;
import trent.domain.key.KeyChangeListener;
import trent.domain.key.KeyResolver;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.KmsKey;
import trent.storage.AliasRecord;
import trent.storage.DuplicateRecordException;
import trent.storage.Storage;

/**
 * Aliases of one account and Region. Names begin with {@code alias/}; names beginning with
 * {@code alias/aws/} are reserved for AWS managed keys and cannot be created, changed or deleted.
 * An alias may point only at a key id or key ARN of its own scope, never through another alias.
 */
public final class Aliases {

  /** Recorded AWS text (LocalStack snapshot test_create_alias). */
  static final String MISSING_PREFIX =
      "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html";

  private static final String RESERVED_PREFIX = "alias/aws/";

  private final Storage storage;
  private final KeyResolver resolver = new KeyResolver();
  private final Clock clock;
  private final KeyChangeListener listener;

  public Aliases(Storage storage, Clock clock, KeyChangeListener listener) {
    this.storage = storage;
    this.clock = clock;
    this.listener = listener;
  }

  public void create(Scope scope, String aliasName, String targetKeyId) {
    requireValidName(aliasName);
    Instant now = clock.instant();
    try {
      storage.write(tx -> {
        KmsKey target = resolver.resolve(tx, scope, targetKeyId, Forms.KEY_ID_OR_ARN);
        target.requireAliasable();
        tx.aliases().insert(new AliasRecord(scope.account(), scope.region(), aliasName, target.keyId(), now, now, 0));
        return null;
      });
    } catch (DuplicateRecordException e) {
      throw AlreadyExistsException.aliasExists(arn(scope, aliasName));
    }
    listener.aliasChanged(scope, aliasName);
  }

  /**
   * Creates an alias of a seeded key, or leaves it alone when it exists and points at that key.
   *
   * @throws IllegalArgumentException when the name is not a valid alias name
   * @throws IllegalStateException when the alias exists and points at another key
   */
  public boolean createSeeded(Scope scope, String aliasName, String keyId) {
    if (!aliasName.startsWith("alias/") || aliasName.startsWith(RESERVED_PREFIX)
        || !aliasName.matches("alias/[a-zA-Z0-9/_-]{1,250}")) {
      throw new IllegalArgumentException("alias name '" + aliasName + "' must be alias/ followed by letters, digits,"
          + " '/', '_' or '-' (at most 256 characters), and not begin with alias/aws/");
    }
    Instant now = clock.instant();
    boolean created = storage.write(tx -> {
      var existing = tx.aliases().find(scope.account(), scope.region(), aliasName);
      if (existing.isPresent()) {
        if (!existing.get().targetKeyId().equals(keyId)) {
          throw new IllegalStateException(aliasName + " exists and points at key " + existing.get().targetKeyId());
        }
        return false;
      }
      tx.aliases().insert(new AliasRecord(scope.account(), scope.region(), aliasName, keyId, now, now, 0));
      return true;
    });
    if (created) {
      listener.aliasChanged(scope, aliasName);
    }
    return created;
  }

  public void update(Scope scope, String aliasName, String targetKeyId) {
    requireValidName(aliasName);
    Instant now = clock.instant();
    storage.write(tx -> {
      AliasRecord alias = tx.aliases().find(scope.account(), scope.region(), aliasName)
          .orElseThrow(() -> NotFoundException.aliasNotFound(arn(scope, aliasName)));
      KmsKey target = resolver.resolve(tx, scope, targetKeyId, Forms.KEY_ID_OR_ARN);
      target.requireAliasable();
      return tx.aliases().update(new AliasRecord(alias.account(), alias.region(), alias.aliasName(),
          target.keyId(), alias.creationDate(), now, alias.version()));
    });
    listener.aliasChanged(scope, aliasName);
  }

  public void delete(Scope scope, String aliasName) {
    requireValidName(aliasName);
    boolean deleted = storage.write(tx -> tx.aliases().delete(scope.account(), scope.region(), aliasName));
    listener.aliasChanged(scope, aliasName);
    if (!deleted) {
      throw NotFoundException.aliasNotFound(arn(scope, aliasName));
    }
  }

  /** Aliases of the scope, only those of one key when {@code keyId} (key id or ARN) is given. */
  public Page<AliasRecord> list(Scope scope, String keyId, String marker, int limit) {
    String after = Page.after(marker, "alias");
    List<AliasRecord> fetched = storage.read(tx -> {
      String target = keyId == null ? null : resolver.resolve(tx, scope, keyId, Forms.KEY_ID_OR_ARN).keyId();
      return tx.aliases().list(scope.account(), scope.region(), target, after, limit + 1);
    });
    return Page.of(fetched, limit, "alias", AliasRecord::aliasName);
  }

  public static String arn(Scope scope, String aliasName) {
    return KeyArns.alias(scope.region(), scope.account(), aliasName);
  }

  /** The alias name rules every alias operation checks first: the {@code alias/} prefix, and {@code alias/aws/} reserved. */
  public static void requireValidName(String aliasName) {
    if (!aliasName.startsWith("alias/")) {
      throw new ValidationException(MISSING_PREFIX);
    }
    if (aliasName.startsWith(RESERVED_PREFIX)) {
      throw new NotAuthorizedException();
    }
  }
}
