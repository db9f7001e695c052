package trent.crypto.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.crypto.CryptoException;
import trent.crypto.IntegrityException;
import trent.crypto.SecretBytes;

class PassphraseRootOfTrustTest {

  /** Fast enough for unit tests; far too weak for a real passphrase. */
  static final Argon2idParameters FAST = Argon2idParameters.insecureForTesting(64, 1, 1);

  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();
  private final byte[] aad = "trent/keyring/term/1".getBytes(StandardCharsets.US_ASCII);

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private PassphraseRootOfTrust open(Path file, String passphrase) {
    return PassphraseRootOfTrust.openOrCreate(file, passphrase.toCharArray(), random, FAST);
  }

  @Test
  void createsTheFileOwnerOnlyAndReopensWithTheSamePassphrase() throws Exception {
    Path file = dir.resolve("data/root.pass");
    byte[] wrapped;
    String id;
    try (PassphraseRootOfTrust first = open(file, "correct horse battery staple")) {
      assertThat(Files.size(file)).isEqualTo(PassphraseRootOfTrust.FILE_LENGTH);
      if (posix()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
            .isEqualTo("rwx------");
      }
      try (var files = Files.list(file.getParent())) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("root.pass");
      }
      assertThat(first.parameters()).isEqualTo(FAST);
      wrapped = first.wrap(new byte[] {1, 2, 3}, aad);
      id = first.id();
    }
    byte[] before = Files.readAllBytes(file);
    // Other parameters passed on reopening are ignored: the file's own parameters derive the key.
    try (PassphraseRootOfTrust again = PassphraseRootOfTrust.openOrCreate(
        file, "correct horse battery staple".toCharArray(), random,
        Argon2idParameters.insecureForTesting(128, 2, 1))) {
      assertThat(again.id()).isEqualTo(id);
      assertThat(again.parameters()).isEqualTo(FAST);
      assertThat(again.unwrap(wrapped, aad)).containsExactly(1, 2, 3);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void fileNamesItsFormatKdfParametersAndSalt() throws Exception {
    Path file = dir.resolve("root.pass");
    open(file, "pass").close();
    byte[] content = Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(content);
    byte[] magic = new byte[13];
    in.get(magic);
    assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("TRENTROOTPASS");
    assertThat(in.get()).isEqualTo((byte) 1); // format version
    assertThat(in.get()).isEqualTo((byte) 1); // Argon2id v1.3
    assertThat(in.getInt()).isEqualTo(64);
    assertThat(in.getInt()).isEqualTo(1);
    assertThat(in.getInt()).isEqualTo(1);
    assertThat(in.get()).isEqualTo((byte) 32);
    assertThat(content).hasSize(PassphraseRootOfTrust.FIXED_HEADER_LENGTH + 32 + 32 + 4);
    // two roots never share a salt
    open(dir.resolve("other.pass"), "pass").close();
    byte[] other = Files.readAllBytes(dir.resolve("other.pass"));
    assertThat(Arrays.copyOfRange(other, 28, 60)).isNotEqualTo(Arrays.copyOfRange(content, 28, 60));
  }

  @Test
  void aWrongPassphraseIsRefusedAtOpenWithAClearMessage() throws Exception {
    Path file = dir.resolve("root.pass");
    open(file, "right").close();
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> open(file, "wrong"))
        .isInstanceOf(CryptoException.class)
        .isNotInstanceOf(IntegrityException.class)
        .hasMessageContaining("the passphrase does not match this data dir's root")
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("wrong")
        .hasMessageNotContaining("right");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void idIsStableNonSecretAndDiffersBetweenPassphrases() throws Exception {
    Path file = dir.resolve("root.pass");
    String id;
    try (PassphraseRootOfTrust root = open(file, "one")) {
      id = root.id();
      assertThat(id).matches("passphrase:[0-9a-f]{32}");
      assertThat(root.toString()).contains(id).doesNotContain("one");
    }
    try (PassphraseRootOfTrust other = open(dir.resolve("other.pass"), "two")) {
      assertThat(other.id()).isNotEqualTo(id);
    }
    // Same passphrase, another salt: another root.
    try (PassphraseRootOfTrust sameWordsOtherSalt = open(dir.resolve("third.pass"), "one")) {
      assertThat(sameWordsOtherSalt.id()).isNotEqualTo(id);
    }
  }

  @Test
  void thePassphraseArrayIsZeroedWhetherOpeningSucceedsOrFails() {
    Path file = dir.resolve("root.pass");
    char[] passphrase = "secret words".toCharArray();
    PassphraseRootOfTrust.openOrCreate(file, passphrase, random, FAST).close();
    assertThat(passphrase).containsOnly('\0');

    char[] wrong = "other words".toCharArray();
    assertThatThrownBy(() -> PassphraseRootOfTrust.openOrCreate(file, wrong, random, FAST))
        .hasMessageContaining("does not match");
    assertThat(wrong).containsOnly('\0');
  }

  @Test
  void refusesEmptyOrMalformedPassphrases() {
    Path file = dir.resolve("root.pass");
    assertThatThrownBy(() -> open(file, ""))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("the passphrase is empty");
    assertThatThrownBy(() -> open(file, "ab\uD800cd"))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("not valid text");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void nonAsciiPassphrasesWork() {
    Path file = dir.resolve("root.pass");
    String id;
    try (PassphraseRootOfTrust root = open(file, "Grüße, 世界 \uD83D\uDD11")) {
      id = root.id();
    }
    try (PassphraseRootOfTrust root = open(file, "Grüße, 世界 \uD83D\uDD11")) {
      assertThat(root.id()).isEqualTo(id);
    }
    assertThatThrownBy(() -> open(file, "Grüsse, 世界 \uD83D\uDD11")).hasMessageContaining("does not match");
  }

  @Test
  void wrapIsBoundToAssociatedDataAndRoot() {
    try (PassphraseRootOfTrust root = open(dir.resolve("a.pass"), "a");
        PassphraseRootOfTrust other = open(dir.resolve("b.pass"), "a")) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      byte[] wrapped = root.wrap(secret, aad);
      assertThat(wrapped).hasSize(1 + 12 + 32 + 16);
      assertThat(wrapped[0]).isEqualTo((byte) 1);
      assertThat(root.unwrap(wrapped, aad)).isEqualTo(secret);
      assertThat(root.wrap(secret, aad)).isNotEqualTo(wrapped);

      byte[] otherAad = "trent/keyring/term/2".getBytes(StandardCharsets.US_ASCII);
      assertThatThrownBy(() -> root.unwrap(wrapped, otherAad)).isInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> other.unwrap(wrapped, aad)).isInstanceOf(IntegrityException.class);
      for (int bit = 0; bit < wrapped.length * 8; bit++) {
        byte[] w = wrapped.clone();
        w[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThatThrownBy(() -> root.unwrap(w, aad)).as("bit %d", bit)
            .isInstanceOf(IntegrityException.class);
      }
      for (int len = 0; len < wrapped.length; len++) {
        byte[] w = Arrays.copyOf(wrapped, len);
        assertThatThrownBy(() -> root.unwrap(w, aad)).isInstanceOf(IntegrityException.class);
      }
      byte[] longer = Arrays.copyOf(wrapped, wrapped.length + 1);
      assertThatThrownBy(() -> root.unwrap(longer, aad)).isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void refusesAFileThatIsNotAPassphraseRootFile() throws Exception {
    Path file = dir.resolve("root.pass");
    writeOwnerOnly(file, "short".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> open(file, "p"))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("is not a valid Trent passphrase root file")
        .hasMessageContaining("bytes long");

    writeOwnerOnly(file, new byte[PassphraseRootOfTrust.FILE_LENGTH]);
    assertThatThrownBy(() -> open(file, "p"))
        .hasMessageContaining("does not start with the Trent passphrase root file header");

    // A key file is not a passphrase file.
    KeyFileRootOfTrust.openOrCreate(dir.resolve("root.key"), random).close();
    assertThatThrownBy(() -> open(dir.resolve("root.key"), "p"))
        .hasMessageContaining("is not a valid Trent passphrase root file");
  }

  @Test
  void refusesACorruptTruncatedOrFutureFile() throws Exception {
    Path file = dir.resolve("root.pass");
    open(file, "p").close();
    byte[] good = Files.readAllBytes(file);

    for (int i = PassphraseRootOfTrust.MAGIC.length; i < good.length; i++) {
      byte[] flipped = good.clone();
      flipped[i] ^= 1;
      writeOwnerOnly(file, flipped);
      assertThatThrownBy(() -> open(file, "p")).as("byte %d", i)
          .isInstanceOf(CryptoException.class)
          .hasMessageContaining("is not a valid Trent passphrase root file");
    }
    writeOwnerOnly(file, Arrays.copyOf(good, good.length - 1));
    assertThatThrownBy(() -> open(file, "p")).hasMessageContaining("truncated or corrupt");

    byte[] future = good.clone();
    future[13] = 2;
    writeOwnerOnly(file, withChecksum(future));
    assertThatThrownBy(() -> open(file, "p")).hasMessageContaining("unsupported format version 2");

    byte[] otherKdf = good.clone();
    otherKdf[14] = 7;
    writeOwnerOnly(file, withChecksum(otherKdf));
    assertThatThrownBy(() -> open(file, "p")).hasMessageContaining("unknown KDF id 7");

    byte[] hugeMemory = good.clone();
    ByteBuffer.wrap(hugeMemory).putInt(15, Integer.MAX_VALUE);
    writeOwnerOnly(file, withChecksum(hugeMemory));
    assertThatThrownBy(() -> open(file, "p")).hasMessageContaining("Argon2id memory must be");
  }

  @Test
  void tamperedParametersOrSaltWithAFixedChecksumAreCaughtByTheCheckValue() throws Exception {
    Path file = dir.resolve("root.pass");
    open(file, "p").close();
    byte[] good = Files.readAllBytes(file);

    byte[] weaker = good.clone();
    ByteBuffer.wrap(weaker).putInt(15, 32); // memory 64 -> 32 KiB
    writeOwnerOnly(file, withChecksum(weaker));
    assertThatThrownBy(() -> open(file, "p")).hasMessageContaining("does not match this data dir's root");

    byte[] otherSalt = good.clone();
    otherSalt[40] ^= 1;
    writeOwnerOnly(file, withChecksum(otherSalt));
    assertThatThrownBy(() -> open(file, "p")).hasMessageContaining("does not match this data dir's root");

    byte[] otherCheck = good.clone();
    otherCheck[70] ^= 1;
    writeOwnerOnly(file, withChecksum(otherCheck));
    assertThatThrownBy(() -> open(file, "p")).hasMessageContaining("does not match this data dir's root");
  }

  @Test
  void refusesAFileOthersCanRead() throws Exception {
    assumeTrue(posix());
    Path file = dir.resolve("root.pass");
    open(file, "p").close();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> open(file, "p"))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("passphrase root file")
        .hasMessageContaining("accessible to group or others")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void theKeyringOpensOnAPassphraseRootAndOnlyUnderIt() {
    InMemoryKeyringStorage storage = new InMemoryKeyringStorage();
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    byte[] ad = "kind=key-material;key=k;material=1".getBytes(StandardCharsets.UTF_8);
    SecretBytes secret = SecretBytes.random(32, random);
    Path file = dir.resolve("root.pass");
    byte[] wrapped;
    String rootId;
    try (PassphraseRootOfTrust root = open(file, "p");
        Keyring keyring = Keyring.openOrCreate(root, storage, clock, random)) {
      wrapped = keyring.wrap(secret, ad);
      rootId = root.id();
    }
    assertThat(storage.terms()).singleElement().satisfies(t -> assertThat(t.rootId()).isEqualTo(rootId));
    try (PassphraseRootOfTrust root = open(file, "p");
        Keyring keyring = Keyring.openOrCreate(root, storage, clock, random)) {
      assertThat(keyring.unwrap(wrapped, ad).equalsConstantTime(secret)).isTrue();
    }
    try (PassphraseRootOfTrust other = open(dir.resolve("other.pass"), "p")) {
      assertThatThrownBy(() -> Keyring.openOrCreate(other, storage, clock, random))
          .hasMessageContaining("was wrapped by root of trust " + rootId);
    }
  }

  @Test
  void closedRootNoLongerWorks() {
    PassphraseRootOfTrust root = open(dir.resolve("root.pass"), "p");
    byte[] wrapped = root.wrap(new byte[1], aad);
    root.close();
    assertThatThrownBy(() -> root.wrap(new byte[1], aad)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> root.unwrap(wrapped, aad)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theRecommendedParametersAreTheDefault() throws Exception {
    // One start-up at full cost, so the default path is exercised; no assertion on its duration.
    Path file = dir.resolve("root.pass");
    try (PassphraseRootOfTrust root =
        PassphraseRootOfTrust.openOrCreate(file, "p".toCharArray(), random)) {
      assertThat(root.parameters()).isEqualTo(Argon2idParameters.recommended());
      assertThat(root.unwrap(root.wrap(new byte[] {7}, aad), aad)).containsExactly(7);
    }
    assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).getInt(15)).isEqualTo(64 * 1024);
  }

  @Test
  void parametersRefuseWeakOrUnboundedValues() {
    assertThat(Argon2idParameters.recommended().memoryKib()).isEqualTo(65536);
    assertThat(Argon2idParameters.recommended().iterations()).isEqualTo(3);
    assertThat(Argon2idParameters.recommended().parallelism()).isEqualTo(1);
    assertThatThrownBy(() -> Argon2idParameters.of(1024, 3, 1)).hasMessageContaining("19 MiB");
    assertThatThrownBy(() -> Argon2idParameters.of(65536, 1, 1)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> Argon2idParameters.insecureForTesting(8, 1, 2))
        .hasMessageContaining("memory must be 16..");
    assertThatThrownBy(() -> Argon2idParameters.insecureForTesting(64, 0, 1))
        .hasMessageContaining("iterations must be 1..64");
    assertThatThrownBy(() -> Argon2idParameters.insecureForTesting(64, 1, 17))
        .hasMessageContaining("parallelism must be 1..16");
    assertThat(Argon2idParameters.of(19 * 1024, 2, 1)).isNotNull();
  }

  private static byte[] withChecksum(byte[] content) throws Exception {
    int body = content.length - 4;
    byte[] sum = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(content, body));
    System.arraycopy(sum, 0, content, body, 4);
    return content;
  }

  private static void writeOwnerOnly(Path file, byte[] content) throws Exception {
    Files.write(file, content);
    if (posix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
