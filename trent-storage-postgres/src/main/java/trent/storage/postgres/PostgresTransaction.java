package trent.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import trent.storage.AliasRepository;
import trent.storage.GrantRepository;
import trent.storage.KeyMaterialRepository;
import trent.storage.KeyRepository;
import trent.storage.KeyringRepository;
import trent.storage.StorageException;
import trent.storage.TagRepository;
import trent.storage.Transaction;

/**
 * The repositories over one connection, for the duration of one attempt at one unit of work.
 * Using it after the work returned throws {@link IllegalStateException}: the connection then
 * belongs to other work.
 *
 * <p>In a write, {@code find} locks the row it returns until the transaction ends
 * ({@link #rowLock()}). The transaction remembers whether PostgreSQL aborted it for a conflict, so
 * that {@link PostgresStorage#write} retries even when the work caught the exception.
 */
final class PostgresTransaction implements Transaction {

  private final Connection connection;
  private final boolean write;
  private volatile boolean open = true;
  private volatile boolean conflicted;
  private volatile StorageException firstFailure;
  private final PostgresKeyRepository keys = new PostgresKeyRepository(this);
  private final PostgresKeyMaterialRepository keyMaterials = new PostgresKeyMaterialRepository(this);
  private final PostgresAliasRepository aliases = new PostgresAliasRepository(this);
  private final PostgresTagRepository tags = new PostgresTagRepository(this);
  private final PostgresGrantRepository grants = new PostgresGrantRepository(this);
  private final PostgresKeyringRepository keyring = new PostgresKeyringRepository(this);

  PostgresTransaction(Connection connection, boolean write) {
    this.connection = connection;
    this.write = write;
  }

  /**
   * The clause a {@code find} ends with: in a write, {@code FOR NO KEY UPDATE}, so that the row
   * read stays as read until this transaction ends (another transaction that changes or locks it
   * waits, and then sees this one's outcome); in a read, nothing.
   */
  String rowLock() {
    return write ? " FOR NO KEY UPDATE" : "";
  }

  Connection connection() {
    if (!open) {
      throw new IllegalStateException("transaction used after its work returned");
    }
    return connection;
  }

  /**
   * Translates a failure of a statement of this transaction (see {@link Jdbc#translate}). After
   * any such failure PostgreSQL has aborted the transaction: it can only be rolled back.
   */
  StorageException translate(SQLException e, String doing) {
    StorageException translated = Jdbc.translate(e, doing);
    if (translated instanceof ConflictException) {
      conflicted = true;
    }
    if (firstFailure == null) {
      firstFailure = translated;
    }
    return translated;
  }

  /** The first statement failure of this transaction, or null when every statement succeeded. */
  StorageException failure() {
    return firstFailure;
  }

  /** Whether PostgreSQL aborted this transaction for a serialization failure or deadlock. */
  boolean conflicted() {
    return conflicted;
  }

  void end() {
    open = false;
  }

  @Override
  public KeyRepository keys() {
    return keys;
  }

  @Override
  public KeyMaterialRepository keyMaterials() {
    return keyMaterials;
  }

  @Override
  public AliasRepository aliases() {
    return aliases;
  }

  @Override
  public TagRepository tags() {
    return tags;
  }

  @Override
  public GrantRepository grants() {
    return grants;
  }

  @Override
  public KeyringRepository keyring() {
    return keyring;
  }
}
