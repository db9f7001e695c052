package trent.server;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import trent.crypto.CryptoException;
import trent.crypto.ThreadLocalSecureRandom;
import trent.crypto.keyring.Keyring;
import trent.crypto.keyring.RootOfTrust;
import trent.domain.key.ClusterNotices;
import trent.domain.rewrap.SecretRewrap;
import trent.domain.rewrap.WrappedSecretKinds;
import trent.domain.rewrap.WrappedSecrets;
import trent.storage.DuplicateRecordException;
import trent.storage.KeyringTermRecord;
import trent.storage.RootRotationRecord;
import trent.storage.Storage;

/**
 * Rotation of the root of trust ({@code trent root rotate}) while nodes keep serving.
 *
 * <p>The root wraps only the keyring's terms; the terms wrap every stored secret. A rotation from
 * root A to root B goes in three steps:
 * <ol>
 *   <li>{@link #start}: one transaction adds a new term T whose key is wrapped by A (its own
 *       wrapping) and by B, and an incoming wrapping by B of every older term, plus the rotation
 *       record. From then on every term opens with A and with B, so nodes start and serve with
 *       either root. Nodes load T (within {@code cache.refreshSeconds}, at once on PostgreSQL's
 *       change notice, or when they meet a record under T) and wrap new material under it. Then
 *       every stored secret ({@link WrappedSecretKinds}) is rewrapped under T, page by page.
 *   <li>The operator switches every node's configuration to B (and restarts it when convenient).
 *   <li>{@link #finish}, run with B's configuration: rewraps what nodes still wrote under older
 *       terms, checks that every secret unwraps, then one transaction makes B's wrappings the
 *       terms' own and drops A's. A no longer opens anything; nodes still running with A keep
 *       their term keys in memory until restarted with B.
 * </ol>
 * {@link #abort}, with A's configuration, drops B's wrappings instead: everything stays under A.
 *
 * <p>Crash safety: each step is one transaction, or (the rewrap) a series of transactions each of
 * which leaves every record readable under either root (see {@link SecretRewrap}). Running
 * {@code start} again with the same roots resumes the rewrap; {@code finish} and {@code abort} can
 * be repeated. A store whose keyring is not wrapped by the given root is refused with the keyring's
 * own message, before anything is written.
 */
public final class RootRotation {

  /** How a command waits (real time in the command, a test clock in tests). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** What {@link #start} did: the rotation (new or resumed) and the rewrap. */
  public record Started(RootRotationRecord rotation, boolean resumed, SecretRewrap.Result rewrap) {}

  /** What {@link #finish} did; {@code rotation} is empty when none was in progress (nothing done). */
  public record Finished(Optional<RootRotationRecord> rotation, String rootId, SecretRewrap.Result rewrap) {}

  /**
   * The state of a store's keyring.
   *
   * @param terms each term's own wrapping
   * @param incoming the incoming root's wrappings during a rotation
   * @param secretsByTerm for each kind of secret, how many records are wrapped under each term
   */
  public record Status(List<KeyringTermRecord> terms, List<KeyringTermRecord> incoming,
      Optional<RootRotationRecord> rotation, Map<String, Map<Integer, Integer>> secretsByTerm) {}

  private RootRotation() {}

  /**
   * Starts a rotation from the root of {@code config} to the root of {@code next} (created, as at a
   * first start, when its file or token key does not exist yet), or resumes the one in progress
   * between the same roots, and rewraps every secret under the rotation's term.
   *
   * @throws IllegalArgumentException when the store or its root is missing, the roots are the
   *     same, another rotation is in progress, or the keyring is not wrapped by the current root
   */
  public static Started start(TrentConfig config, TrentConfig next, List<WrappedSecrets> kinds) {
    Backup.requireExistingStore(config);
    Backup.requireExistingRoot(config, "the current root of trust");
    SecureRandom random = ThreadLocalSecureRandom.create();
    try (Storage storage = TrentServer.openStorage(config);
        RootOfTrust from = TrentServer.openRoot(config, random);
        RootOfTrust to = TrentServer.openRoot(next, random)) {
      if (from.id().equals(to.id())) {
        throw new IllegalArgumentException("the new root of trust is the current one (" + from.id() + ")");
      }
      State state = State.read(storage);
      if (state.terms().isEmpty()) {
        throw new IllegalArgumentException("the store has no keyring yet: start trent serve on it once first");
      }
      RootRotationRecord rotation;
      boolean resumed = state.rotation().isPresent();
      if (resumed) {
        rotation = state.rotation().get();
        if (!rotation.fromRootId().equals(from.id()) || !rotation.toRootId().equals(to.id())) {
          throw new IllegalArgumentException(inProgress(rotation) + "; " + (rotation.toRootId().equals(from.id())
              ? "this configuration's root of trust is its new root: finish it with trent root rotate --finish"
              : "finish it (--finish, with the new root's configuration) or abort it (--abort, with the old"
                  + " root's) before starting another"));
        }
      } else {
        rotation = begin(storage, state.terms(), from, to, config.clock().instant(), random);
        publishKeyringChanged(storage);
      }
      try (Keyring keyring = Keyring.open(to, State.read(storage).wrappings(), random)) {
        if (keyring.activeTerm() != rotation.term()) {
          throw new IllegalStateException("the keyring's newest term is " + keyring.activeTerm()
              + ", not the rotation's term " + rotation.term());
        }
        return new Started(rotation, resumed, SecretRewrap.run(storage, keyring, kinds, SecretRewrap.PAGE, false));
      }
    } catch (CryptoException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Starts or resumes a rotation of every kind of wrapped secret; see {@link #start(TrentConfig, TrentConfig, List)}. */
  public static Started start(TrentConfig config, TrentConfig next) {
    return start(config, next, WrappedSecretKinds.all());
  }

  private static RootRotationRecord begin(Storage storage, List<KeyringTermRecord> terms, RootOfTrust from,
      RootOfTrust to, Instant now, SecureRandom random) {
    // Unwrapping every term with the current root also checks that it is the keyring's root.
    Keyring.open(from, terms, random).close();
    int term = terms.stream().mapToInt(KeyringTermRecord::term).max().orElseThrow() + 1;
    List<KeyringTermRecord> fresh = Keyring.newTerm(term, now, random, from, to);
    List<KeyringTermRecord> incoming = new ArrayList<>(Keyring.rewrap(terms, from, to));
    incoming.add(fresh.get(1));
    RootRotationRecord rotation = new RootRotationRecord(from.id(), to.id(), term, now);
    try {
      storage.write(tx -> {
        if (tx.keyring().rootRotation().isPresent() || !tx.keyring().list().equals(terms)) {
          throw new IllegalArgumentException("the keyring changed meanwhile (another root rotation?); run the"
              + " command again");
        }
        tx.keyring().insert(fresh.get(0));
        tx.keyring().startRootRotation(rotation, incoming);
        return null;
      });
    } catch (DuplicateRecordException e) {
      throw new IllegalArgumentException("another root rotation started meanwhile; run the command again", e);
    }
    return rotation;
  }

  /**
   * Finishes the rotation in progress with the root of {@code config}, which must be its new root.
   * First waits, if needed, until twice {@code cache.refreshSeconds} have passed since the rotation
   * started, so that every running node has loaded the rotation's term; then rewraps what is still
   * under older terms and checks that every secret unwraps.
   *
   * @throws IllegalArgumentException when the root is not the rotation's new root, the keyring is
   *     not wrapped by it, or a secret does not unwrap (nothing is finished then)
   */
  public static Finished finish(TrentConfig config, List<WrappedSecrets> kinds, Sleeper sleeper)
      throws InterruptedException {
    Backup.requireExistingStore(config);
    Backup.requireExistingRoot(config, "the root of trust");
    SecureRandom random = ThreadLocalSecureRandom.create();
    try (Storage storage = TrentServer.openStorage(config);
        RootOfTrust root = TrentServer.openRoot(config, random)) {
      State state = State.read(storage);
      if (state.rotation().isEmpty()) {
        Keyring.open(root, state.wrappings(), random).close(); // the keyring's message when it is another root
        return new Finished(Optional.empty(), root.id(), null);
      }
      RootRotationRecord rotation = state.rotation().get();
      if (!rotation.toRootId().equals(root.id())) {
        throw new IllegalArgumentException(inProgress(rotation) + ", and this configuration's root of trust "
            + root.id() + (rotation.fromRootId().equals(root.id())
                ? " is the one it retires: finish it with the new root's configuration (or abort it with --abort)"
                : " is neither of them"));
      }
      Instant loaded = rotation.startedAt().plus(config.cacheRefresh().multipliedBy(2));
      Instant now = config.clock().instant();
      if (now.isBefore(loaded)) {
        sleeper.sleep(Duration.between(now, loaded));
      }
      try (Keyring keyring = Keyring.open(root, state.wrappings(), random)) {
        SecretRewrap.Result result = SecretRewrap.run(storage, keyring, kinds, SecretRewrap.PAGE, true);
        if (!result.unreadable().isEmpty()) {
          throw new IllegalArgumentException(result.unreadable().size() + " stored secret(s) do not unwrap under"
              + " the keyring (" + String.join(", ", result.unreadable().subList(0, Math.min(5,
                  result.unreadable().size()))) + "); the rotation is not finished and both roots still open it");
        }
        storage.write(tx -> {
          if (!tx.keyring().rootRotation().equals(Optional.of(rotation))) {
            throw new IllegalArgumentException("the root rotation changed meanwhile; run the command again");
          }
          tx.keyring().finishRootRotation();
          return null;
        });
        publishKeyringChanged(storage);
        return new Finished(Optional.of(rotation), root.id(), result);
      }
    } catch (CryptoException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Finishes the rotation, waiting in real time if needed; see {@link #finish(TrentConfig, List, Sleeper)}. */
  public static Finished finish(TrentConfig config) throws InterruptedException {
    return finish(config, WrappedSecretKinds.all(), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Aborts the rotation in progress with the root of {@code config}, which must be its old root:
   * the new root's wrappings are dropped, and everything stays readable under the old root
   * (including what was rewrapped under the rotation's term, which the old root wraps too).
   * Returns the aborted rotation, or empty when none was in progress.
   */
  public static Optional<RootRotationRecord> abort(TrentConfig config) {
    Backup.requireExistingStore(config);
    Backup.requireExistingRoot(config, "the root of trust");
    SecureRandom random = ThreadLocalSecureRandom.create();
    try (Storage storage = TrentServer.openStorage(config);
        RootOfTrust root = TrentServer.openRoot(config, random)) {
      State state = State.read(storage);
      if (state.rotation().isEmpty()) {
        return Optional.empty();
      }
      RootRotationRecord rotation = state.rotation().get();
      if (!rotation.fromRootId().equals(root.id())) {
        throw new IllegalArgumentException(inProgress(rotation) + ", and this configuration's root of trust "
            + root.id() + " is not its old root: abort it with the old root's configuration (or finish it with"
            + " --finish)");
      }
      Keyring.open(root, state.terms(), random).close();
      storage.write(tx -> {
        if (!tx.keyring().rootRotation().equals(Optional.of(rotation))) {
          throw new IllegalArgumentException("the root rotation changed meanwhile; run the command again");
        }
        tx.keyring().abortRootRotation();
        return null;
      });
      publishKeyringChanged(storage);
      return Optional.of(rotation);
    } catch (CryptoException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The keyring's terms, the rotation in progress, and how many secrets each term wraps. Opens no root. */
  public static Status status(TrentConfig config, List<WrappedSecrets> kinds) {
    Backup.requireExistingStore(config);
    try (Storage storage = TrentServer.openStorage(config)) {
      State state = State.read(storage);
      Map<String, Map<Integer, Integer>> byTerm = new TreeMap<>();
      for (WrappedSecrets kind : kinds) {
        Map<Integer, Integer> counts = new TreeMap<>();
        String cursor = null;
        do {
          String from = cursor;
          WrappedSecrets.Page page = storage.read(tx -> kind.page(tx, from, SecretRewrap.PAGE));
          page.secrets().forEach(s -> counts.merge(Keyring.termOf(s.wrapped()), 1, Integer::sum));
          cursor = page.next();
        } while (cursor != null);
        byTerm.put(kind.name(), counts);
      }
      return new Status(state.terms(), state.incoming(), state.rotation(), byTerm);
    }
  }

  private static String inProgress(RootRotationRecord rotation) {
    return "a root rotation from root of trust " + rotation.fromRootId() + " to " + rotation.toRootId()
        + " is in progress (started " + rotation.startedAt() + ")";
  }

  private static void publishKeyringChanged(Storage storage) {
    storage.changeFeed().ifPresent(feed -> feed.publish(ClusterNotices.KEYRING_CHANGED));
  }

  /** The keyring as stored: each term's own wrapping, the incoming ones, and the rotation. */
  private record State(List<KeyringTermRecord> terms, List<KeyringTermRecord> incoming,
      Optional<RootRotationRecord> rotation) {

    static State read(Storage storage) {
      return storage.read(tx -> new State(tx.keyring().list(), tx.keyring().listIncoming(),
          tx.keyring().rootRotation()));
    }

    List<KeyringTermRecord> wrappings() {
      List<KeyringTermRecord> all = new ArrayList<>(terms);
      all.addAll(incoming);
      return all;
    }
  }
}
