package trent.rot.pkcs11;

import java.util.ArrayList;
import java.util.List;
import trent.storage.AliasRepository;
import trent.storage.KeyMaterialRepository;
import trent.storage.KeyRepository;
import trent.storage.KeyringRepository;
import trent.storage.KeyringTermRecord;
import trent.storage.Storage;
import trent.storage.TagRepository;
import trent.storage.Transaction;

/** A fake {@link Storage} holding only keyring terms: enough to open a keyring on a root. */
final class InMemoryStorage implements Storage, Transaction, KeyringRepository {

  private final List<KeyringTermRecord> terms = new ArrayList<>();

  @Override
  public synchronized <T> T read(Work<T> work) {
    return work.run(this);
  }

  @Override
  public synchronized <T> T write(Work<T> work) {
    return work.run(this);
  }

  @Override
  public void close() {}

  @Override
  public KeyringRepository keyring() {
    return this;
  }

  @Override
  public List<KeyringTermRecord> list() {
    return List.copyOf(terms);
  }

  @Override
  public void insert(KeyringTermRecord term) {
    terms.add(term);
  }

  @Override
  public KeyRepository keys() {
    throw new UnsupportedOperationException();
  }

  @Override
  public KeyMaterialRepository keyMaterials() {
    throw new UnsupportedOperationException();
  }

  @Override
  public AliasRepository aliases() {
    throw new UnsupportedOperationException();
  }

  @Override
  public TagRepository tags() {
    throw new UnsupportedOperationException();
  }

  @Override
  public trent.storage.GrantRepository grants() {
    throw new UnsupportedOperationException();
  }
}
