package trent.storage;

import java.util.List;
import java.util.Optional;

/**
 * The keyring's terms, and the root of trust rotation in progress, if any (schema V9).
 *
 * <p>Each term has one wrapping of its own, by the root of trust that opens the keyring. During a
 * root rotation each term also has an <em>incoming</em> wrapping, of the same term key, by the root
 * being brought in; finishing the rotation makes the incoming wrappings the terms' own, aborting it
 * drops them. Every store of this module's contract implements the rotation methods; the defaults
 * describe a store that keeps no rotation (none is ever in progress, none can start).
 */
public interface KeyringRepository {

  /** All terms with their own wrapping, lowest term first. */
  List<KeyringTermRecord> list();

  /** Throws {@link DuplicateRecordException} when the term exists. */
  void insert(KeyringTermRecord term);

  /**
   * The incoming root's wrapping of each term, lowest term first ({@code createdAt} is the term's),
   * during a root rotation; empty otherwise.
   */
  default List<KeyringTermRecord> listIncoming() {
    return List.of();
  }

  /** The root rotation in progress, if any. */
  default Optional<RootRotationRecord> rootRotation() {
    return Optional.empty();
  }

  /**
   * Begins a root rotation: stores the record and the incoming wrappings, one for every stored
   * term (each by {@code rotation.toRootId()}).
   *
   * @throws DuplicateRecordException when a rotation is in progress
   * @throws IllegalArgumentException when {@code incoming} does not wrap exactly the stored terms,
   *     each once, by {@code rotation.toRootId()}
   */
  default void startRootRotation(RootRotationRecord rotation, List<KeyringTermRecord> incoming) {
    throw new UnsupportedOperationException("this store keeps no root rotation");
  }

  /**
   * Ends the root rotation by making each term's incoming wrapping its own wrapping, and drops the
   * rotation record. Returns false (and changes nothing) when no rotation is in progress.
   *
   * @throws IllegalStateException when a stored term has no incoming wrapping
   */
  default boolean finishRootRotation() {
    return false;
  }

  /**
   * Ends the root rotation by dropping the incoming wrappings and the rotation record; each term
   * keeps its own wrapping. Returns false when no rotation is in progress.
   */
  default boolean abortRootRotation() {
    return false;
  }
}
