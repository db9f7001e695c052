package trent.storage;

import java.util.List;
import java.util.Optional;

/** Custom key stores, by id, and the keys in them (schema V6). */
public interface CustomKeyStoreRepository {

  Optional<CustomKeyStoreRecord> find(String customKeyStoreId);

  /**
   * Stores a new custom key store; {@code store.version()} must be 0. Throws
   * {@link DuplicateRecordException} when its id, or its name in its account and Region, is taken.
   */
  void insert(CustomKeyStoreRecord store);

  /**
   * Replaces a store whose stored version equals {@code store.version()}, and returns the record as
   * stored, with the version incremented. Throws {@link StaleRecordException} otherwise, and
   * {@link DuplicateRecordException} when the new name is another store's in its account and Region.
   */
  CustomKeyStoreRecord update(CustomKeyStoreRecord store);

  /** Deletes a store (the caller checked it holds no key). Returns false when there was none. */
  boolean delete(String customKeyStoreId);

  /**
   * Stores of one account and Region ordered by id, starting after {@code afterId} (exclusive; null
   * for the first page), at most {@code limit} of them.
   */
  List<CustomKeyStoreRecord> list(String account, String region, String afterId, int limit);

  /** Stores of every account and Region ordered by id, in pages as {@link #list}. For backups. */
  List<CustomKeyStoreRecord> listAll(String afterId, int limit);

  /** How many keys, in any state, are in the store. */
  int countKeys(String customKeyStoreId);

  /** The key of the store associated with an external key id, if any. */
  Optional<String> findKeyByXksKeyId(String customKeyStoreId, String xksKeyId);
}
