package trent.crypto.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.crypto.CryptoException;
import trent.crypto.IntegrityException;
import trent.crypto.SecretBytes;
import trent.storage.KeyringTermRecord;

class KeyringTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryKeyringStorage storage = new InMemoryKeyringStorage();
  private KeyFileRootOfTrust root;

  // Associated data as the domain will build it: what the record is.
  private static byte[] ad(String key, String material) {
    return ("kind=key-material;key=" + key + ";material=" + material).getBytes(StandardCharsets.UTF_8);
  }

  private static final byte[] KEY_A_MATERIAL_1 = ad("arn:aws:kms:eu-west-1:111122223333:key/a", "1");
  private static final byte[] KEY_A_MATERIAL_2 = ad("arn:aws:kms:eu-west-1:111122223333:key/a", "2");
  private static final byte[] KEY_B_MATERIAL_1 = ad("arn:aws:kms:eu-west-1:111122223333:key/b", "1");

  @BeforeEach
  void setUp() {
    root = KeyFileRootOfTrust.openOrCreate(dir.resolve("root.key"), random);
  }

  private Keyring open() {
    return Keyring.openOrCreate(root, storage, clock, random);
  }

  @Test
  void firstOpenCreatesTermOneWrappedByTheRoot() {
    try (Keyring keyring = open()) {
      assertThat(keyring.activeTerm()).isEqualTo(1);
    }
    List<KeyringTermRecord> terms = storage.terms();
    assertThat(terms).hasSize(1);
    KeyringTermRecord term = terms.get(0);
    assertThat(term.term()).isEqualTo(1);
    assertThat(term.rootId()).isEqualTo(root.id());
    assertThat(term.createdAt()).isEqualTo(NOW);
    assertThat(root.unwrap(term.wrappedKey(), "trent/keyring/term/1".getBytes(StandardCharsets.US_ASCII)))
        .hasSize(32);
  }

  @Test
  void reopeningWithTheSameRootUnwrapsWhatWasWrapped() {
    SecretBytes secret = SecretBytes.random(32, random);
    byte[] wrapped;
    try (Keyring keyring = open()) {
      wrapped = keyring.wrap(secret, KEY_A_MATERIAL_1);
    }
    try (KeyFileRootOfTrust sameRoot = KeyFileRootOfTrust.openOrCreate(dir.resolve("root.key"), random);
        Keyring reopened = Keyring.openOrCreate(sameRoot, storage, clock, random)) {
      assertThat(reopened.unwrap(wrapped, KEY_A_MATERIAL_1).equalsConstantTime(secret)).isTrue();
    }
    assertThat(storage.terms()).hasSize(1);
  }

  @Test
  void aRecordMovedToAnotherKeyOrMaterialDoesNotUnwrap() {
    try (Keyring keyring = open()) {
      SecretBytes secret = SecretBytes.random(32, random);
      byte[] wrapped = keyring.wrap(secret, KEY_A_MATERIAL_1);

      assertThat(keyring.unwrap(wrapped, KEY_A_MATERIAL_1).equalsConstantTime(secret)).isTrue();
      assertThatThrownBy(() -> keyring.unwrap(wrapped, KEY_B_MATERIAL_1))
          .isInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> keyring.unwrap(wrapped, KEY_A_MATERIAL_2))
          .isInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> keyring.unwrap(wrapped, new byte[0]))
          .isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void everyBitFlipTruncationAndExtensionFails() {
    try (Keyring keyring = open()) {
      byte[] wrapped = keyring.wrap(SecretBytes.random(32, random), KEY_A_MATERIAL_1);
      for (int bit = 0; bit < wrapped.length * 8; bit++) {
        byte[] w = wrapped.clone();
        w[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThatThrownBy(() -> keyring.unwrap(w, KEY_A_MATERIAL_1))
            .as("bit %d", bit)
            .isInstanceOf(IntegrityException.class);
      }
      for (int len = 0; len < wrapped.length; len++) {
        byte[] w = Arrays.copyOf(wrapped, len);
        assertThatThrownBy(() -> keyring.unwrap(w, KEY_A_MATERIAL_1))
            .as("length %d", len)
            .isInstanceOf(IntegrityException.class);
      }
      byte[] longer = Arrays.copyOf(wrapped, wrapped.length + 1);
      assertThatThrownBy(() -> keyring.unwrap(longer, KEY_A_MATERIAL_1))
          .isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void wrappedRecordNamesFormatAndTerm() {
    try (Keyring keyring = open()) {
      byte[] wrapped = keyring.wrap(SecretBytes.random(32, random), KEY_A_MATERIAL_1);
      assertThat(wrapped).hasSize(1 + 4 + 12 + 32 + 16);
      assertThat(Arrays.copyOf(wrapped, 5)).containsExactly(1, 0, 0, 0, 1);
      byte[] unknownTerm = wrapped.clone();
      unknownTerm[4] = 2;
      assertThatThrownBy(() -> keyring.unwrap(unknownTerm, KEY_A_MATERIAL_1))
          .isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void twoKeyringsOverOneStorageShareTheirTerms() {
    try (Keyring first = open(); Keyring second = open()) {
      SecretBytes secret = SecretBytes.random(16, random);
      byte[] wrapped = first.wrap(secret, KEY_A_MATERIAL_1);
      assertThat(second.unwrap(wrapped, KEY_A_MATERIAL_1).equalsConstantTime(secret)).isTrue();
    }
    assertThat(storage.terms()).hasSize(1);
  }

  @Test
  void anotherRootCannotOpenTheKeyring() {
    open().close();
    try (KeyFileRootOfTrust other = KeyFileRootOfTrust.openOrCreate(dir.resolve("other.key"), random)) {
      assertThatThrownBy(() -> Keyring.openOrCreate(other, storage, clock, random))
          .isInstanceOf(CryptoException.class)
          .isNotInstanceOf(IntegrityException.class)
          .hasMessageContaining("keyring term 1 was wrapped by root of trust " + root.id())
          .hasMessageContaining("this server's root of trust is " + other.id())
          .hasMessageContaining("restore the original root key");
    }
  }

  // Root rotation: terms wrapped by two roots, terms added while open

  @Test
  void aTermWrappedByTwoRootsOpensWithEitherAndTheSameKey() {
    try (KeyFileRootOfTrust other = KeyFileRootOfTrust.openOrCreate(dir.resolve("other.key"), random);
        KeyFileRootOfTrust third = KeyFileRootOfTrust.openOrCreate(dir.resolve("third.key"), random)) {
      List<KeyringTermRecord> both = new ArrayList<>(Keyring.newTerm(1, NOW, random, root, other));
      byte[] wrapped;
      try (Keyring byRoot = Keyring.open(root, both, random); SecretBytes secret = SecretBytes.random(32, random)) {
        wrapped = byRoot.wrap(secret, KEY_A_MATERIAL_1);
      }
      try (Keyring byOther = Keyring.open(other, both, random)) {
        assertThat(byOther.unwrap(wrapped, KEY_A_MATERIAL_1).length()).isEqualTo(32);
      }
      assertThatThrownBy(() -> Keyring.open(third, both, random))
          .isInstanceOf(CryptoException.class)
          .hasMessageContaining("keyring term 1 was wrapped by root of trust " + root.id() + " and " + other.id())
          .hasMessageContaining("this server's root of trust is " + third.id())
          .hasMessageContaining("retired by a root rotation");
    }
  }

  @Test
  void aTermAddedToTheStoreIsLoadedByReloadAndBecomesActive() {
    try (Keyring keyring = open(); SecretBytes secret = SecretBytes.random(32, random)) {
      byte[] underOne = keyring.wrap(secret, KEY_A_MATERIAL_1);
      storage.write(tx -> {
        tx.keyring().insert(Keyring.newTerm(2, NOW, random, root).get(0));
        return null;
      });
      assertThat(keyring.activeTerm()).isEqualTo(1);

      assertThat(keyring.reload()).isEqualTo(1);

      assertThat(keyring.activeTerm()).isEqualTo(2);
      byte[] underTwo = keyring.wrap(secret, KEY_A_MATERIAL_1);
      assertThat(Keyring.termOf(underOne)).isEqualTo(1);
      assertThat(Keyring.termOf(underTwo)).isEqualTo(2);
      assertThat(keyring.unwrap(underOne, KEY_A_MATERIAL_1).equalsConstantTime(secret)).isTrue();
      assertThat(keyring.reload()).isZero();
    }
  }

  @Test
  void aRecordUnderANewerTermMakesTheKeyringLoadIt() {
    try (Keyring first = open(); SecretBytes secret = SecretBytes.random(32, random)) {
      storage.write(tx -> {
        tx.keyring().insert(Keyring.newTerm(2, NOW, random, root).get(0));
        return null;
      });
      byte[] underTwo;
      try (Keyring second = open()) {
        underTwo = second.wrap(secret, KEY_B_MATERIAL_1);
      }
      assertThat(Keyring.termOf(underTwo)).isEqualTo(2);

      assertThat(first.unwrap(underTwo, KEY_B_MATERIAL_1).equalsConstantTime(secret)).isTrue();
      assertThat(first.activeTerm()).isEqualTo(2);
    }
  }

  @Test
  void aNewTermWrappedOnlyByAnotherRootFailsClearlyAndTheKnownTermsKeepWorking() {
    try (Keyring keyring = open(); SecretBytes secret = SecretBytes.random(32, random);
        KeyFileRootOfTrust other = KeyFileRootOfTrust.openOrCreate(dir.resolve("other.key"), random)) {
      byte[] underOne = keyring.wrap(secret, KEY_A_MATERIAL_1);
      List<KeyringTermRecord> term2 = Keyring.newTerm(2, NOW, random, other);
      byte[] underTwo;
      List<KeyringTermRecord> otherTerms = new ArrayList<>(Keyring.rewrap(storage.terms(), root, other));
      otherTerms.addAll(term2);
      try (Keyring byOther = Keyring.open(other, otherTerms, random)) {
        underTwo = byOther.wrap(secret, KEY_A_MATERIAL_1);
      }
      storage.write(tx -> {
        tx.keyring().insert(term2.get(0));
        return null;
      });

      assertThatThrownBy(() -> keyring.unwrap(underTwo, KEY_A_MATERIAL_1))
          .isInstanceOf(CryptoException.class)
          .isNotInstanceOf(IntegrityException.class)
          .hasMessageContaining("keyring term 2 is wrapped only by root of trust " + other.id())
          .hasMessageContaining("restart it with the new root of trust");
      assertThat(keyring.activeTerm()).isEqualTo(1);
      assertThat(keyring.unwrap(underOne, KEY_A_MATERIAL_1).equalsConstantTime(secret)).isTrue();
    }
  }

  @Test
  void rewrapMovesARecordToTheActiveTermUnderTheSameAssociatedData() {
    try (Keyring keyring = open(); SecretBytes secret = SecretBytes.random(32, random)) {
      byte[] underOne = keyring.wrap(secret, KEY_A_MATERIAL_1);
      storage.write(tx -> {
        tx.keyring().insert(Keyring.newTerm(2, NOW, random, root).get(0));
        return null;
      });
      keyring.reload();

      byte[] rewrapped = keyring.rewrap(underOne, KEY_A_MATERIAL_1);

      assertThat(Keyring.termOf(rewrapped)).isEqualTo(2);
      assertThat(keyring.unwrap(rewrapped, KEY_A_MATERIAL_1).equalsConstantTime(secret)).isTrue();
      assertThatThrownBy(() -> keyring.unwrap(rewrapped, KEY_A_MATERIAL_2)).isInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> keyring.rewrap(underOne, KEY_B_MATERIAL_1)).isInstanceOf(IntegrityException.class);
      assertThat(Keyring.termOf(new byte[3])).isEqualTo(-1);
    }
  }

  @Test
  void aTermThatDoesNotUnwrapUnderItsNamedRootFailsClearly() {
    open().close();
    KeyringTermRecord term = storage.terms().get(0);
    byte[] corrupt = term.wrappedKey();
    corrupt[corrupt.length - 1] ^= 1;
    storage.replaceTerms(List.of(new KeyringTermRecord(1, term.rootId(), corrupt, term.createdAt())));
    assertThatThrownBy(this::open)
        .isInstanceOf(CryptoException.class)
        .isNotInstanceOf(IntegrityException.class)
        .hasMessageContaining("keyring term 1 does not unwrap under root of trust " + root.id());
  }

  @Test
  void aTermCopiedToAnotherNumberDoesNotUnwrap() {
    open().close();
    KeyringTermRecord term = storage.terms().get(0);
    storage.replaceTerms(List.of(term, new KeyringTermRecord(2, term.rootId(), term.wrappedKey(), NOW)));
    assertThatThrownBy(this::open)
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("keyring term 2 does not unwrap");
  }

  @Test
  void wrapsUnderTheHighestTermAndStillUnwrapsOlderTerms() {
    byte[] underTermOne;
    SecretBytes secret = SecretBytes.random(32, random);
    try (Keyring keyring = open()) {
      underTermOne = keyring.wrap(secret, KEY_A_MATERIAL_1);
    }
    List<KeyringTermRecord> terms = new ArrayList<>(storage.terms());
    byte[] termTwoKey = new byte[32];
    random.nextBytes(termTwoKey);
    terms.add(new KeyringTermRecord(
        2, root.id(), root.wrap(termTwoKey, Keyring.termAssociatedData(2)), NOW));
    storage.replaceTerms(terms);

    try (Keyring keyring = open()) {
      assertThat(keyring.activeTerm()).isEqualTo(2);
      byte[] underTermTwo = keyring.wrap(secret, KEY_A_MATERIAL_1);
      assertThat(Arrays.copyOf(underTermTwo, 5)).containsExactly(1, 0, 0, 0, 2);
      assertThat(keyring.unwrap(underTermOne, KEY_A_MATERIAL_1).equalsConstantTime(secret)).isTrue();
      assertThat(keyring.unwrap(underTermTwo, KEY_A_MATERIAL_1).equalsConstantTime(secret)).isTrue();
    }
  }

  @Test
  void closedKeyringNoLongerWorks() {
    Keyring keyring = open();
    byte[] wrapped = keyring.wrap(SecretBytes.random(32, random), KEY_A_MATERIAL_1);
    keyring.close();
    assertThatThrownBy(() -> keyring.unwrap(wrapped, KEY_A_MATERIAL_1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    try (Keyring keyring = open()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          results.add(pool.submit(() -> {
            for (int i = 0; i < 200; i++) {
              SecretBytes s = SecretBytes.random(32, random);
              byte[] ad = ad("key-" + i, String.valueOf(i));
              if (!keyring.unwrap(keyring.wrap(s, ad), ad).equalsConstantTime(s)) {
                return false;
              }
            }
            return true;
          }));
        }
        for (Future<Boolean> f : results) {
          assertThat(f.get()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
