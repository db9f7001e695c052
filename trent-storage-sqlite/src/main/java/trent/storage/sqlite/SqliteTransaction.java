package trent.storage.sqlite;

import java.sql.Connection;
import trent.storage.AliasRepository;
import trent.storage.GrantRepository;
import trent.storage.KeyMaterialRepository;
import trent.storage.KeyRepository;
import trent.storage.KeyringRepository;
import trent.storage.TagRepository;
import trent.storage.Transaction;

/**
 * The repositories over one connection, for the duration of one unit of work. Using it after the
 * work returned throws {@link IllegalStateException}: the connection then belongs to other work.
 */
final class SqliteTransaction implements Transaction {

  private final Connection connection;
  private volatile boolean open = true;
  private final SqliteKeyRepository keys = new SqliteKeyRepository(this);
  private final SqliteKeyMaterialRepository keyMaterials = new SqliteKeyMaterialRepository(this);
  private final SqliteAliasRepository aliases = new SqliteAliasRepository(this);
  private final SqliteTagRepository tags = new SqliteTagRepository(this);
  private final SqliteGrantRepository grants = new SqliteGrantRepository(this);
  private final SqliteKeyringRepository keyring = new SqliteKeyringRepository(this);

  SqliteTransaction(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    if (!open) {
      throw new IllegalStateException("transaction used after its work returned");
    }
    return connection;
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
