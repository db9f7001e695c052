package trent.storage.postgres;

import trent.storage.StorageException;

/**
 * PostgreSQL aborted the transaction because it conflicted with a concurrent one (deadlock, or
 * serialization failure). {@link PostgresStorage#write} runs the unit of work again; callers see this
 * exception only when the retries ran out, and then as a plain {@link StorageException}.
 */
final class ConflictException extends StorageException {
  private static final long serialVersionUID = 1L;

  ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
