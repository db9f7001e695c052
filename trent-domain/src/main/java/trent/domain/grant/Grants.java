package trent.domain.grant;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import trent.domain.Page;
import trent.domain.error.InvalidGrantTokenException;
import trent.domain.error.NotFoundException;
import trent.domain.key.KeyChangeListener;
import trent.domain.key.KmsKey;
import trent.storage.GrantRecord;
import trent.storage.Storage;
import trent.storage.Transaction;

/**
 * The grants of every key: creating, listing, retiring and revoking them, their tokens, and the
 * question the authorization step asks ("does a grant allow this?").
 *
 * <p>Guarantees: a grant is usable by the next request after CreateGrant returns, on this node, and
 * on any node at once when its token is passed (the token's grant is read from storage if the node's
 * cache does not have it yet). A retired or revoked grant stops allowing anything on this node at
 * once, and on other nodes when they hear the change notice or, at the latest, within the cache's
 * refresh interval. A storage failure is a server fault, never "no grant".
 */
public final class Grants {

  private static final int PAGE_FETCH = 1000;

  private final Storage storage;
  private final Clock clock;
  private final SecureRandom random;
  private final KeyChangeListener listener;
  private final GrantCache cache;

  /**
   * @param listener told after every grant change (it must reach {@code cache}, directly or through
   *     the cluster notices)
   */
  public Grants(Storage storage, GrantCache cache, Clock clock, SecureRandom random, KeyChangeListener listener) {
    this.storage = storage;
    this.cache = cache;
    this.clock = clock;
    this.random = random;
    this.listener = listener;
  }

  /** What CreateGrant returns. */
  public record Created(String grantId, String grantToken) {}

  /**
   * Creates a grant on {@code key}; with a name, a retry with identical parameters returns the
   * existing grant's id (and a new token) instead of a second grant.
   */
  public Created create(KmsKey key, NewGrant request) {
    Grant created = storage.write(tx -> {
      if (request.name() != null) {
        Optional<Grant> same = all(tx, key.keyId(), key.region(), g -> request.sameAs(g)).stream().findFirst();
        if (same.isPresent()) {
          return same.get();
        }
      }
      GrantRecord record = new GrantRecord(hex(32), key.keyId(), key.region(), request.name(), clock.instant(),
          request.granteePrincipal(), request.retiringPrincipal(), request.issuingAccount(),
          request.operations().stream().map(Enum::name).toList(), request.constraints().encode(), hex(32));
      tx.grants().insert(record);
      return new Grant(record);
    });
    listener.keyChanged(key);
    return new Created(created.grantId(), token(created));
  }

  /** A page of the key's grants by grant id, optionally only one grant id or one grantee. */
  public Page<Grant> list(KmsKey key, String grantId, String granteePrincipal, String marker, int limit) {
    String after = Page.after(marker, "grant");
    Predicate<Grant> filter = g -> (grantId == null || g.grantId().equals(grantId))
        && (granteePrincipal == null || g.granteePrincipal().equals(granteePrincipal));
    List<Grant> fetched = storage.read(tx -> filtered(tx.grants().listByKey(key.keyId(), key.region(), after,
        PAGE_FETCH), filter, limit + 1, next -> tx.grants().listByKey(key.keyId(), key.region(), next, PAGE_FETCH)));
    return Page.of(fetched, limit, "grant", Grant::grantId);
  }

  /** A page of the grants, on any key, that {@code retiringPrincipal} may retire by being their retiring principal. */
  public Page<Grant> listRetirable(String retiringPrincipal, String marker, int limit) {
    String after = Page.after(marker, "retirable");
    List<Grant> fetched = storage.read(tx -> tx.grants().listByRetiringPrincipal(retiringPrincipal, after, limit + 1))
        .stream().map(Grant::new).toList();
    return Page.of(fetched, limit, "retirable", Grant::grantId);
  }

  /**
   * The grant a token names, read from storage (RetireGrant); {@code InvalidGrantTokenException}
   * when it is malformed or names no grant. A token names the key by id only (every copy of a
   * multi-Region key has the same id), so the grant is found by its id.
   */
  public Grant fromToken(String token) {
    GrantTokens.Parsed parsed = GrantTokens.parse(token).orElseThrow(InvalidGrantTokenException::invalidToken);
    return checked(parsed, stored(parsed));
  }

  /**
   * The grant a token names for a request in {@code region}, from the grant cache when it holds it
   * (the data plane), else from storage (a grant just made on another node); the caller checks it is
   * on the key the request uses.
   */
  public Grant fromToken(String token, String region) {
    GrantTokens.Parsed parsed = GrantTokens.parse(token).orElseThrow(InvalidGrantTokenException::invalidToken);
    Optional<Grant> grant = cache.of(parsed.keyId(), region).stream()
        .filter(g -> g.grantId().equals(parsed.grantId())).findFirst();
    return checked(parsed, grant.isPresent() ? grant : stored(parsed));
  }

  private Optional<Grant> stored(GrantTokens.Parsed parsed) {
    return storage.read((Transaction tx) -> tx.grants().find(parsed.grantId()))
        .filter(r -> r.keyId().equals(parsed.keyId())).map(Grant::new);
  }

  private static Grant checked(GrantTokens.Parsed parsed, Optional<Grant> grant) {
    return grant.filter(g -> MessageDigest.isEqual(bytes(g.record().tokenSecret()), bytes(parsed.secret())))
        .orElseThrow(InvalidGrantTokenException::invalidToken);
  }

  /** The grant of that id on the key; {@code NotFoundException} when there is none. */
  public Grant find(KmsKey key, String grantId) {
    return storage.read((Transaction tx) -> tx.grants().find(grantId))
        .filter(r -> r.keyId().equals(key.keyId()) && r.region().equals(key.region()))
        .map(Grant::new)
        .orElseThrow(() -> NotFoundException.grantNotFound(grantId));
  }

  /** Deletes a grant (RetireGrant, RevokeGrant); {@code NotFoundException} when it is already gone. */
  public void delete(Grant grant) {
    boolean deleted = storage.write(tx -> tx.grants().delete(grant.grantId()));
    listener.keyChanged(grant.keyId(), grant.region());
    if (!deleted) {
      throw NotFoundException.grantNotFound(grant.grantId());
    }
  }

  /**
   * Whether a grant on the key (from the cache, or named by one of the request's grant tokens)
   * allows the operation to the principal with that encryption context.
   */
  public boolean allow(KmsKey key, List<Grant> fromTokens, GrantOperation operation, String principalArn,
      Map<String, String> encryptionContext) {
    return allow(key, fromTokens, operation, principalArn, encryptionContext, g -> true);
  }

  /** As {@link #allow(KmsKey, List, GrantOperation, String, Map)}, counting only the grants {@code fits} accepts. */
  public boolean allow(KmsKey key, List<Grant> fromTokens, GrantOperation operation, String principalArn,
      Map<String, String> encryptionContext, Predicate<Grant> fits) {
    for (Grant g : fromTokens) {
      if (g.keyId().equals(key.keyId()) && g.region().equals(key.region()) && g.allows(operation, principalArn, encryptionContext) && fits.test(g)) {
        return true;
      }
    }
    for (Grant g : cache.of(key.keyId(), key.region())) {
      if (g.allows(operation, principalArn, encryptionContext) && fits.test(g)) {
        return true;
      }
    }
    return false;
  }

  static List<Grant> all(Transaction tx, String keyId, String region, Predicate<Grant> filter) {
    return filtered(tx.grants().listByKey(keyId, region, null, PAGE_FETCH), filter, Integer.MAX_VALUE,
        next -> tx.grants().listByKey(keyId, region, next, PAGE_FETCH));
  }

  private static List<Grant> filtered(List<GrantRecord> first, Predicate<Grant> filter, int max,
      java.util.function.Function<String, List<GrantRecord>> nextPage) {
    List<Grant> out = new ArrayList<>();
    List<GrantRecord> page = first;
    while (true) {
      for (GrantRecord r : page) {
        Grant g = new Grant(r);
        if (filter.test(g)) {
          out.add(g);
          if (out.size() == max) {
            return out;
          }
        }
      }
      if (page.size() < PAGE_FETCH) {
        return out;
      }
      page = nextPage.apply(page.get(page.size() - 1).grantId());
    }
  }

  private String token(Grant grant) {
    return GrantTokens.encode(grant.keyId(), grant.grantId(), grant.record().tokenSecret(), hex(16));
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
