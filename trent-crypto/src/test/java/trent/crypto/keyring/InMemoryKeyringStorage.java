package trent.crypto.keyring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import trent.storage.AliasRepository;
import trent.storage.DuplicateRecordException;
import trent.storage.KeyMaterialRepository;
import trent.storage.KeyRepository;
import trent.storage.KeyringRepository;
import trent.storage.KeyringTermRecord;
import trent.storage.Storage;
import trent.storage.TagRepository;
import trent.storage.Transaction;

/**
 * A fake {@link Storage} holding only keyring terms, for keyring tests. Writes work on a copy that
 * replaces the stored list only when the work returns normally, so a failed write stores nothing.
 */
final class InMemoryKeyringStorage implements Storage {

  private List<KeyringTermRecord> terms = new ArrayList<>();

  @Override
  public synchronized <T> T read(Work<T> work) {
    return work.run(new Tx(new ArrayList<>(terms), false));
  }

  @Override
  public synchronized <T> T write(Work<T> work) {
    List<KeyringTermRecord> copy = new ArrayList<>(terms);
    T result = work.run(new Tx(copy, true));
    terms = copy;
    return result;
  }

  /** Replaces the stored terms, as an operator restoring or tampering with a database would. */
  synchronized void replaceTerms(List<KeyringTermRecord> replacement) {
    terms = new ArrayList<>(replacement);
  }

  synchronized List<KeyringTermRecord> terms() {
    return List.copyOf(terms);
  }

  @Override
  public void close() {}

  private static final class Tx implements Transaction, KeyringRepository {
    private final List<KeyringTermRecord> terms;
    private final boolean writable;

    Tx(List<KeyringTermRecord> terms, boolean writable) {
      this.terms = terms;
      this.writable = writable;
    }

    @Override
    public KeyringRepository keyring() {
      return this;
    }

    @Override
    public List<KeyringTermRecord> list() {
      List<KeyringTermRecord> sorted = new ArrayList<>(terms);
      sorted.sort(Comparator.comparingInt(KeyringTermRecord::term));
      return List.copyOf(sorted);
    }

    @Override
    public void insert(KeyringTermRecord term) {
      if (!writable) {
        throw new IllegalStateException("insert inside read");
      }
      if (terms.stream().anyMatch(t -> t.term() == term.term())) {
        throw new DuplicateRecordException("keyring term " + term.term() + " exists");
      }
      terms.add(term);
    }

    @Override
    public KeyRepository keys() {
      throw new UnsupportedOperationException("keyring tests need only the keyring repository");
    }

    @Override
    public KeyMaterialRepository keyMaterials() {
      throw new UnsupportedOperationException("keyring tests need only the keyring repository");
    }

    @Override
    public AliasRepository aliases() {
      throw new UnsupportedOperationException("keyring tests need only the keyring repository");
    }

    @Override
    public TagRepository tags() {
      throw new UnsupportedOperationException("keyring tests need only the keyring repository");
    }

    @Override
    public trent.storage.GrantRepository grants() {
      throw new UnsupportedOperationException("keyring tests need only the keyring repository");
    }
  }
}
