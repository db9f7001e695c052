package trent.storage.sqlite;

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
 * The repositories over one connection, for the duration of one unit of work. Using it after the
 * work returned throws {@link IllegalStateException}: the connection then belongs to other work.
 */
final class SqliteTransaction implements Transaction, SqlSession {

  private final Connection connection;
  private volatile boolean open = true;
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

  SqliteTransaction(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Connection connection() {
    if (!open) {
      throw new IllegalStateException("transaction used after its work returned");
    }
    return connection;
  }

  /** See {@link Jdbc#translate}. */
  @Override
  public StorageException translate(SQLException e, String doing) {
    return Jdbc.translate(e, doing);
  }

  /** Nothing: SQLite runs one write transaction at a time, so a row read stays as read. */
  @Override
  public String rowLock() {
    return "";
  }

  @Override
  public String deleteLock() {
    return "";
  }

  /** A duplicate fails a plain insert; rolling back to the unit's savepoint undoes it. */
  @Override
  public String insertSuffix() {
    return "";
  }

  @Override
  public boolean unchangedInsertIsDuplicate() {
    return false;
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
