package trent.storage;

import java.util.List;
import java.util.Optional;

/**
 * Grants, by grant id. A grant names a stored key; deleting the key deletes its grants
 * ({@link KeyRepository#delete}).
 */
public interface GrantRepository {

  Optional<GrantRecord> find(String grantId);

  /**
   * Stores a new grant. Throws {@link DuplicateRecordException} when the grant id exists, and a
   * {@link StorageException} when its key is not stored.
   */
  void insert(GrantRecord grant);

  /** Returns false when there was no such grant. */
  boolean delete(String grantId);

  /**
   * Grants on one key (one copy of a multi-Region key) ordered by grant id, starting after {@code afterGrantId} (exclusive; null
   * for the first page), at most {@code limit} of them.
   */
  List<GrantRecord> listByKey(String keyId, String region, String afterGrantId, int limit);

  /**
   * Grants of any key whose retiring principal is {@code retiringPrincipal}, ordered by grant id,
   * starting after {@code afterGrantId} (exclusive; null for the first page), at most {@code limit}.
   */
  List<GrantRecord> listByRetiringPrincipal(String retiringPrincipal, String afterGrantId, int limit);
}
