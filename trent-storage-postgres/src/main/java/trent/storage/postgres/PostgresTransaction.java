package trent.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import trent.storage.AliasRepository;
import trent.storage.CustomKeyStoreRepository;
import trent.storage.GrantRepository;
import trent.storage.KeyMaterialRepository;
import trent.storage.KeyRepository;
import trent.storage.ImportRepository;
import trent.storage.KeyUsageRepository;
import trent.storage.KeyringRepository;
import trent.storage.RotationRepository;
import trent.storage.StorageException;
import trent.storage.TagRepository;
import trent.storage.Transaction;
import trent.storage.jdbc.JdbcAliasRepository;
import trent.storage.jdbc.JdbcGrantRepository;
import trent.storage.jdbc.JdbcKeyMaterialRepository;
import trent.storage.jdbc.JdbcKeyRepository;
import trent.storage.jdbc.JdbcRotationRepository;
import trent.storage.jdbc.JdbcCustomKeyStoreRepository;
import trent.storage.jdbc.JdbcImportRepository;
import trent.storage.jdbc.JdbcKeyUsageRepository;
import trent.storage.jdbc.JdbcKeyringRepository;
import trent.storage.jdbc.JdbcTagRepository;
import trent.storage.jdbc.SqlSession;

/**
 * The repositories over one connection, for the duration of one attempt at one unit of work.
 * Using it after the work returned throws {@link IllegalStateException}: the connection then
 * belongs to other work.
 *
 * <p>In a write, {@code find} locks the row it returns until the transaction ends
 * ({@link #rowLock()}). The transaction remembers whether PostgreSQL aborted it for a conflict, so
 * that {@link PostgresStorage#write} retries even when the work caught the exception.
 */
final class PostgresTransaction implements Transaction, SqlSession {

  private final Connection connection;
  private final boolean write;
  private volatile boolean open = true;
  private volatile boolean conflicted;
  private volatile StorageException firstFailure;
  private final JdbcKeyRepository keys = new JdbcKeyRepository(this);
  private final JdbcKeyMaterialRepository keyMaterials = new JdbcKeyMaterialRepository(this);
  private final JdbcAliasRepository aliases = new JdbcAliasRepository(this);
  private final JdbcTagRepository tags = new JdbcTagRepository(this);
  private final JdbcGrantRepository grants = new JdbcGrantRepository(this);
  private final JdbcKeyringRepository keyring = new JdbcKeyringRepository(this);
  private final JdbcRotationRepository rotations = new JdbcRotationRepository(this);
  private final JdbcKeyUsageRepository keyUsage = new JdbcKeyUsageRepository(this);
  private final JdbcCustomKeyStoreRepository customKeyStores = new JdbcCustomKeyStoreRepository(this);
  private final JdbcImportRepository imports = new JdbcImportRepository(this);

  PostgresTransaction(Connection connection, boolean write) {
    this.connection = connection;
    this.write = write;
  }

  /**
   * The clause a {@code find} ends with: in a write, {@code FOR NO KEY UPDATE}, so that the row
   * read stays as read until this transaction ends (another transaction that changes or locks it
   * waits, and then sees this one's outcome); in a read, nothing.
   */
  @Override
  public String rowLock() {
    return write ? " FOR NO KEY UPDATE" : "";
  }

  @Override
  public Connection connection() {
    if (!open) {
      throw new IllegalStateException("transaction used after its work returned");
    }
    return connection;
  }

  /**
   * Translates a failure of a statement of this transaction (see {@link Jdbc#translate}). After
   * any such failure PostgreSQL has aborted the transaction: it can only be rolled back.
   */
  @Override
  public StorageException translate(SQLException e, String doing) {
    StorageException translated = Jdbc.translate(e, doing);
    if (translated instanceof ConflictException) {
      conflicted = true;
    }
    if (firstFailure == null) {
      firstFailure = translated;
    }
    return translated;
  }

  @Override
  public String deleteLock() {
    return " FOR UPDATE";
  }

  /**
   * Inserts end with {@code ON CONFLICT DO NOTHING}: a unique violation would abort the whole
   * transaction, so a duplicate inserts nothing instead, and {@link #unchangedInsertIsDuplicate()}.
   */
  @Override
  public String insertSuffix() {
    return " ON CONFLICT DO NOTHING";
  }

  @Override
  public boolean unchangedInsertIsDuplicate() {
    return true;
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

  @Override
  public RotationRepository rotations() {
    return rotations;
  }

  @Override
  public KeyUsageRepository keyUsage() {
    return keyUsage;
  }

  @Override
  public CustomKeyStoreRepository customKeyStores() {
    return customKeyStores;
  }

  @Override
  public ImportRepository imports() {
    return imports;
  }
}
