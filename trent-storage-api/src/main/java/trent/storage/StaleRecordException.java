package trent.storage;

/**
 * An update carried a version that is no longer the stored one: another writer changed the
 * record first, or it was deleted. The caller may read again and retry.
 */
public final class StaleRecordException extends StorageException {
  private static final long serialVersionUID = 1L;

  public StaleRecordException(String message) {
    super(message);
  }
}
