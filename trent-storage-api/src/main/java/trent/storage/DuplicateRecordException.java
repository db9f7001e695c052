package trent.storage;

/** An insert met an existing record with the same identity (key id, alias name, ...). */
public final class DuplicateRecordException extends StorageException {
  private static final long serialVersionUID = 1L;

  public DuplicateRecordException(String message) {
    super(message);
  }
}
