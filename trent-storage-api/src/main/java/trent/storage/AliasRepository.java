package trent.storage;

import java.util.List;
import java.util.Optional;

/** Aliases, by account, Region and alias name. */
public interface AliasRepository {

  Optional<AliasRecord> find(String account, String region, String aliasName);

  /** Stores a new alias; version must be 0. Throws {@link DuplicateRecordException}. */
  void insert(AliasRecord alias);

  /** As {@link KeyRepository#update}. */
  AliasRecord update(AliasRecord alias);

  /** Returns false when there was no such alias. */
  boolean delete(String account, String region, String aliasName);

  /**
   * Aliases of one account and Region ordered by alias name, only those pointing at
   * {@code targetKeyId} when it is not null, starting after {@code afterAliasName} (exclusive,
   * null for the first page), at most {@code limit}.
   */
  List<AliasRecord> list(String account, String region, String targetKeyId, String afterAliasName, int limit);
}
