package trent.crypto.keyring;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import trent.crypto.CryptoException;
import trent.crypto.IntegrityException;
import trent.crypto.SecretBytes;
import trent.storage.DuplicateRecordException;
import trent.storage.KeyringTermRecord;
import trent.storage.Storage;

/**
 * The keyring: numbered terms of 256-bit storage wrapping keys, each stored wrapped by the root of
 * trust, that wrap every stored key's material.
 *
 * <p>Security guarantees: {@link #wrap} encrypts under the active (highest) term with AES-256-GCM
 * and a random 96-bit IV; the associated data (what the record is: key ARN, material version,
 * record kind) and the wrapped record's own header are authenticated. {@link #unwrap} returns the
 * secret only for the exact bytes {@link #wrap} produced with the same associated data; a record
 * moved under another identity, any changed, missing or added byte, or an unknown term fails with
 * {@link IntegrityException}. Each term key sees one wrap per stored key material version, far
 * below the 2^32 messages random IVs allow.
 *
 * <p>Opening fails with a {@link CryptoException} that says what to do when the stored terms
 * were wrapped by another root of trust (for example, the root key file was replaced, or the root
 * was retired by a root rotation).
 *
 * <p>Terms are added while the keyring is open: a root of trust rotation ({@code trent root
 * rotate}) adds a term to a store that running nodes share. A keyring opened from a store
 * ({@link #openOrCreate}) loads new terms from it on {@link #reload()} and, once, when it meets a
 * record wrapped under a term newer than its newest; {@link #wrap} then uses the new term. During a
 * rotation each term is stored wrapped both by the outgoing and by the incoming root, so a node
 * opens the keyring with either.
 *
 * <p>Wrapped record format: {@code 0x01} ‖ term (4 bytes, big-endian) ‖ IV (12) ‖ ciphertext ‖
 * tag (16). The GCM associated data is the 5-byte header followed by the caller's associated data.
 *
 * <p>Thread-safe and fast: term keys are unwrapped once when the keyring opens, and each thread
 * reuses its own {@link Cipher}. {@link #close()} overwrites the term keys (best effort).
 */
public final class Keyring implements AutoCloseable {

  /** Format byte of wrapped records. */
  static final byte FORMAT_VERSION = 1;

  static final int TERM_KEY_LENGTH = 32;
  static final int HEADER_LENGTH = 1 + 4;
  static final int IV_LENGTH = 12;
  static final int TAG_LENGTH = 16;

  private static final ThreadLocal<Cipher> CIPHER =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new CryptoException("AES/GCM/NoPadding is not available", e);
            }
          });

  private final RootOfTrust root;
  /** Where new terms come from; null for a keyring opened from records. */
  private final Storage storage;
  private final SecureRandom random;
  private volatile Map<Integer, TermKey> terms;
  private volatile int activeTerm;
  private volatile boolean closed;
  /** Terms the store holds that this root of trust does not wrap (seen by {@link #reload}), and by which root. */
  private volatile Map<Integer, String> foreignTerms = Map.of();

  private Keyring(RootOfTrust root, Storage storage, Map<Integer, TermKey> terms, SecureRandom random) {
    this.root = root;
    this.storage = storage;
    this.terms = Map.copyOf(terms);
    this.activeTerm = newest(terms);
    this.random = random;
  }

  private static int newest(Map<Integer, TermKey> terms) {
    return terms.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  /**
   * Opens the keyring kept in {@code storage}, creating term 1 when there is none.
   *
   * @throws CryptoException when a stored term was wrapped by another root of trust or does not
   *     unwrap under this one
   */
  public static Keyring openOrCreate(
      RootOfTrust root, Storage storage, Clock clock, SecureRandom random) {
    List<KeyringTermRecord> records = storedWrappings(storage);
    if (records.isEmpty()) {
      records = createFirstTerm(root, storage, clock, random);
    }
    return new Keyring(root, storage, unwrapTerms(root, records), random);
  }

  /**
   * Opens a keyring from term records that are not (yet) in a store, e.g. those of a backup
   * about to be imported. {@code records} may hold several wrappings of a term (by the outgoing and
   * the incoming root of a rotation); the one by {@code root} is used.
   *
   * @throws CryptoException as {@link #openOrCreate}, or when there are no terms
   */
  public static Keyring open(RootOfTrust root, List<KeyringTermRecord> records, SecureRandom random) {
    if (records.isEmpty()) {
      throw new CryptoException("a keyring needs at least one term");
    }
    return new Keyring(root, null, unwrapTerms(root, records), random);
  }

  /** Every stored wrapping of every term: the terms' own and, during a root rotation, the incoming ones. */
  private static List<KeyringTermRecord> storedWrappings(Storage storage) {
    return storage.read(tx -> {
      List<KeyringTermRecord> all = new java.util.ArrayList<>(tx.keyring().list());
      all.addAll(tx.keyring().listIncoming());
      return all;
    });
  }

  /** Each term's key, from its wrapping by {@code root}; every term must have one. */
  private static Map<Integer, TermKey> unwrapTerms(RootOfTrust root, List<KeyringTermRecord> records) {
    Map<Integer, List<KeyringTermRecord>> byTerm = byTerm(records);
    Map<Integer, TermKey> terms = new TreeMap<>();
    try {
      for (Map.Entry<Integer, List<KeyringTermRecord>> e : byTerm.entrySet()) {
        terms.put(e.getKey(), unwrapTerm(root, ownWrapping(root, e.getKey(), e.getValue())));
      }
    } catch (RuntimeException e) {
      terms.values().forEach(TermKey::destroy);
      throw e;
    }
    return terms;
  }

  private static Map<Integer, List<KeyringTermRecord>> byTerm(List<KeyringTermRecord> records) {
    Map<Integer, List<KeyringTermRecord>> byTerm = new TreeMap<>();
    records.forEach(r -> byTerm.computeIfAbsent(r.term(), t -> new java.util.ArrayList<>()).add(r));
    return byTerm;
  }

  /** The wrapping of {@code term} by {@code root}; fails saying which roots wrapped it instead. */
  private static KeyringTermRecord ownWrapping(RootOfTrust root, int term, List<KeyringTermRecord> wrappings) {
    for (KeyringTermRecord w : wrappings) {
      if (w.rootId().equals(root.id())) {
        return w;
      }
    }
    throw new CryptoException(
        "keyring term " + term + " was wrapped by root of trust "
            + String.join(" and ", wrappings.stream().map(KeyringTermRecord::rootId).distinct().toList())
            + ", but this server's root of trust is " + root.id()
            + ". The root key (for example the root key file in the data directory) was replaced, belongs to"
            + " another data directory, or was retired by a root rotation (trent root rotate): start with the"
            + " root of trust that wraps the keyring (after a root rotation, the new one), or restore the"
            + " original root key.");
  }

  /**
   * Loads the terms added to the store since this keyring opened (a root rotation adds one) and
   * makes the newest the active term. Does nothing for a keyring opened from records. A new term
   * that is not wrapped by this keyring's root of trust (a rotation finished, retiring it, before
   * this node loaded the term) is left out.
   *
   * @return how many terms were added
   * @throws trent.storage.StorageException when the store cannot be read
   */
  public synchronized int reload() {
    if (storage == null || closed) {
      return 0;
    }
    Map<Integer, List<KeyringTermRecord>> stored = byTerm(storedWrappings(storage));
    Map<Integer, TermKey> added = new TreeMap<>();
    Map<Integer, String> foreign = new TreeMap<>();
    for (Map.Entry<Integer, List<KeyringTermRecord>> e : stored.entrySet()) {
      if (terms.containsKey(e.getKey())) {
        continue;
      }
      for (KeyringTermRecord w : e.getValue()) {
        if (w.rootId().equals(root.id())) {
          added.put(e.getKey(), unwrapTerm(root, w));
        }
      }
      if (!added.containsKey(e.getKey())) {
        foreign.put(e.getKey(), e.getValue().get(0).rootId());
      }
    }
    foreignTerms = Map.copyOf(foreign);
    if (added.isEmpty()) {
      return 0;
    }
    Map<Integer, TermKey> next = new TreeMap<>(terms);
    next.putAll(added);
    terms = Map.copyOf(next);
    activeTerm = newest(next);
    return added.size();
  }

  /** The term a wrapped record was made under; -1 when the record is not one {@link #wrap} made. */
  public static int termOf(byte[] wrapped) {
    if (wrapped.length < HEADER_LENGTH + IV_LENGTH + TAG_LENGTH || wrapped[0] != FORMAT_VERSION) {
      return -1;
    }
    return ByteBuffer.wrap(wrapped, 1, 4).getInt();
  }

  /**
   * The secret of {@code wrapped} wrapped anew under the active term, with the same associated
   * data. The secret is in the clear only inside this call.
   *
   * @throws IntegrityException as {@link #unwrap}
   */
  public byte[] rewrap(byte[] wrapped, byte[] associatedData) {
    try (SecretBytes secret = unwrap(wrapped, associatedData)) {
      return wrap(secret, associatedData);
    }
  }

  /**
   * The same terms wrapped by another root of trust: each term key is unwrapped by {@code from}
   * (from its wrapping by {@code from}, when {@code records} holds several) and wrapped by
   * {@code to}, one record per term, with the same term number and creation time. The records wrapped
   * under the terms (key material) stay valid as they are. Term keys are in the clear only in
   * memory, for the duration of the call, and overwritten afterwards (best effort).
   *
   * @throws CryptoException when a term was not wrapped by {@code from} or does not unwrap
   */
  public static List<KeyringTermRecord> rewrap(List<KeyringTermRecord> records, RootOfTrust from, RootOfTrust to) {
    List<KeyringTermRecord> rewrapped = new java.util.ArrayList<>();
    for (Map.Entry<Integer, List<KeyringTermRecord>> e : byTerm(records).entrySet()) {
      KeyringTermRecord record = ownWrapping(from, e.getKey(), e.getValue());
      TermKey key = unwrapTerm(from, record);
      try {
        byte[] wrapped = to.wrap(key.key, termAssociatedData(record.term()));
        rewrapped.add(new KeyringTermRecord(record.term(), to.id(), wrapped, record.createdAt()));
      } finally {
        key.destroy();
      }
    }
    return List.copyOf(rewrapped);
  }

  /**
   * A new term: a fresh random term key, wrapped once by each of {@code roots} (a root rotation
   * stores the wrapping by the outgoing root as the term's own and the other as its incoming one).
   * The key is in the clear only in memory, for the duration of the call.
   */
  public static List<KeyringTermRecord> newTerm(int term, Instant createdAt, SecureRandom random,
      RootOfTrust... roots) {
    List<KeyringTermRecord> wrappings = new java.util.ArrayList<>();
    try (SecretBytes key = SecretBytes.random(TERM_KEY_LENGTH, random)) {
      byte[] k = key.revealCopy();
      try {
        for (RootOfTrust root : roots) {
          wrappings.add(new KeyringTermRecord(term, root.id(), root.wrap(k, termAssociatedData(term)), createdAt));
        }
      } finally {
        Arrays.fill(k, (byte) 0);
      }
    }
    return List.copyOf(wrappings);
  }

  /** The associated data under which the root of trust wraps term {@code term}'s key. */
  static byte[] termAssociatedData(int term) {
    return ("trent/keyring/term/" + term).getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether the term keys are in memory, unwrapped: true from open until {@link #close()}. */
  public boolean isOpen() {
    return !closed && !terms.get(activeTerm).isDestroyed();
  }

  /** The id of the root of trust this keyring's terms were unwrapped with. */
  public String rootId() {
    return root.id();
  }

  /** The term that {@link #wrap} uses. */
  public int activeTerm() {
    return activeTerm;
  }

  /** Wraps {@code secret} under the active term, bound to {@code associatedData}. */
  public byte[] wrap(SecretBytes secret, byte[] associatedData) {
    int term = activeTerm;
    TermKey key = terms.get(term);
    byte[] plaintext = secret.revealCopy();
    byte[] out = new byte[HEADER_LENGTH + IV_LENGTH + plaintext.length + TAG_LENGTH];
    try {
      ByteBuffer.wrap(out).put(FORMAT_VERSION).putInt(term);
      byte[] iv = new byte[IV_LENGTH];
      random.nextBytes(iv);
      System.arraycopy(iv, 0, out, HEADER_LENGTH, IV_LENGTH);
      Cipher cipher = CIPHER.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
      cipher.updateAAD(out, 0, HEADER_LENGTH);
      cipher.updateAAD(associatedData);
      cipher.doFinal(plaintext, 0, plaintext.length, out, HEADER_LENGTH + IV_LENGTH);
      return out;
    } catch (GeneralSecurityException e) {
      throw new CryptoException("keyring: AES-GCM wrap failed", e);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * Unwraps a record made by {@link #wrap} with the same associated data.
   *
   * @throws IntegrityException on any mismatch: other associated data, changed or truncated
   *     bytes, unknown format or term
   */
  public SecretBytes unwrap(byte[] wrapped, byte[] associatedData) {
    if (wrapped.length < HEADER_LENGTH + IV_LENGTH + TAG_LENGTH || wrapped[0] != FORMAT_VERSION) {
      throw new IntegrityException();
    }
    int term = ByteBuffer.wrap(wrapped, 1, 4).getInt();
    TermKey key = terms.get(term);
    if (key == null && term > activeTerm && storage != null && !closed) {
      // Another process added a term (a root rotation) since this keyring opened.
      reload();
      key = terms.get(term);
    }
    if (key == null) {
      String foreignRoot = foreignTerms.get(term);
      if (foreignRoot != null) {
        throw new CryptoException("keyring term " + term + " is wrapped only by root of trust " + foreignRoot
            + ", not by this server's root of trust " + root.id() + ": a root rotation (trent root rotate) was"
            + " finished before this server loaded the term; restart it with the new root of trust");
      }
      throw new IntegrityException();
    }
    try {
      Cipher cipher = CIPHER.get();
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_LENGTH * 8, wrapped, HEADER_LENGTH, IV_LENGTH));
      cipher.updateAAD(wrapped, 0, HEADER_LENGTH);
      cipher.updateAAD(associatedData);
      int offset = HEADER_LENGTH + IV_LENGTH;
      return SecretBytes.adopt(cipher.doFinal(wrapped, offset, wrapped.length - offset));
    } catch (AEADBadTagException e) {
      throw new IntegrityException();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("keyring: AES-GCM unwrap failed", e);
    }
  }

  /** Overwrites the term keys held in memory (best effort); later calls fail. */
  @Override
  public synchronized void close() {
    closed = true;
    terms.values().forEach(TermKey::destroy);
  }

  @Override
  public String toString() {
    return "Keyring[terms=" + terms.keySet() + ", active=" + activeTerm + "]";
  }

  private static List<KeyringTermRecord> createFirstTerm(
      RootOfTrust root, Storage storage, Clock clock, SecureRandom random) {
    // Wrap outside the transaction: the root of trust may be a slow device.
    KeyringTermRecord first;
    try (SecretBytes key = SecretBytes.random(TERM_KEY_LENGTH, random)) {
      byte[] k = key.revealCopy();
      try {
        first = new KeyringTermRecord(1, root.id(), root.wrap(k, termAssociatedData(1)), clock.instant());
      } finally {
        Arrays.fill(k, (byte) 0);
      }
    }
    try {
      return storage.write(
          tx -> {
            List<KeyringTermRecord> existing = tx.keyring().list();
            if (!existing.isEmpty()) {
              return existing; // another node created the keyring first
            }
            tx.keyring().insert(first);
            return List.of(first);
          });
    } catch (DuplicateRecordException e) {
      return storage.read(tx -> tx.keyring().list());
    }
  }

  private static TermKey unwrapTerm(RootOfTrust root, KeyringTermRecord record) {
    if (!record.rootId().equals(root.id())) {
      throw new CryptoException(
          "keyring term " + record.term() + " was wrapped by root of trust " + record.rootId()
              + ", but this server's root of trust is " + root.id()
              + ". The root key (for example the root key file in the data directory) was"
              + " replaced or belongs to another data directory; restore the original root key.");
    }
    byte[] k;
    try {
      k = root.unwrap(record.wrappedKey(), termAssociatedData(record.term()));
    } catch (IntegrityException e) {
      throw new CryptoException(
          "keyring term " + record.term() + " does not unwrap under root of trust " + root.id()
              + ": the stored term is corrupt or was wrapped by another root key with the same id",
          e);
    }
    if (k.length != TERM_KEY_LENGTH) {
      Arrays.fill(k, (byte) 0);
      throw new CryptoException("keyring term " + record.term() + " has a key of wrong length");
    }
    return new TermKey(k);
  }

  /**
   * An AES key whose bytes this class owns and can overwrite, unlike {@code SecretKeySpec}. The
   * JDK's AES implementation caches an expanded copy per {@code Cipher}; that copy is beyond reach.
   */
  private static final class TermKey implements SecretKey {
    private static final long serialVersionUID = 1L;
    private final byte[] key;
    private volatile boolean destroyed;

    TermKey(byte[] key) {
      this.key = key;
    }

    @Override
    public String getAlgorithm() {
      return "AES";
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      if (destroyed) {
        throw new IllegalStateException("keyring was closed");
      }
      return key.clone();
    }

    @Override
    public void destroy() {
      destroyed = true;
      Arrays.fill(key, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
      return destroyed;
    }

    @Override
    public String toString() {
      return "TermKey[AES-256]";
    }
  }
}
