package trent.storage;

import java.util.List;

/** The keyring's terms. */
public interface KeyringRepository {

  /** All terms, lowest term first. */
  List<KeyringTermRecord> list();

  /** Throws {@link DuplicateRecordException} when the term exists. */
  void insert(KeyringTermRecord term);
}
