package trent.storage;

/** The store failed: I/O, corruption, a closed store. Callers treat it as a server fault. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
