package trent.crypto.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.crypto.CryptoException;
import trent.crypto.IntegrityException;

class KeyFileRootOfTrustTest {

  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();
  private final byte[] aad = "trent/keyring/term/1".getBytes(StandardCharsets.US_ASCII);

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  @Test
  void createsTheFileOwnerOnlyInNewDirectoriesAndReadsItAfterwards() throws Exception {
    Path file = dir.resolve("data/keys/root.key");
    try (KeyFileRootOfTrust first = KeyFileRootOfTrust.openOrCreate(file, random)) {
      assertThat(Files.size(file)).isEqualTo(KeyFileRootOfTrust.FILE_LENGTH);
      if (posix()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
            .isEqualTo("rwx------");
      }
      try (var files = Files.list(file.getParent())) {
        // no temporary file left behind
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("root.key");
      }
      byte[] wrapped = first.wrap(new byte[] {1, 2, 3}, aad);
      try (KeyFileRootOfTrust again = KeyFileRootOfTrust.openOrCreate(file, random)) {
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.unwrap(wrapped, aad)).containsExactly(1, 2, 3);
      }
    }
  }

  @Test
  void idIsAFingerprintNotTheKey() throws Exception {
    Path file = dir.resolve("root.key");
    try (KeyFileRootOfTrust root = KeyFileRootOfTrust.openOrCreate(file, random)) {
      byte[] content = Files.readAllBytes(file);
      String keyHex = HexFormat.of().formatHex(content, 13, 45);
      assertThat(root.id()).matches("keyfile:[0-9a-f]{32}");
      assertThat(keyHex).doesNotContain(root.id().substring("keyfile:".length()));
      assertThat(root.toString()).doesNotContain(keyHex).contains(root.id());
    }
    try (KeyFileRootOfTrust other = KeyFileRootOfTrust.openOrCreate(dir.resolve("other.key"), random);
        KeyFileRootOfTrust same = KeyFileRootOfTrust.openOrCreate(file, random)) {
      assertThat(other.id()).isNotEqualTo(same.id());
    }
  }

  @Test
  void wrapIsBoundToAssociatedDataAndRoot() {
    try (KeyFileRootOfTrust root = KeyFileRootOfTrust.openOrCreate(dir.resolve("a.key"), random);
        KeyFileRootOfTrust other = KeyFileRootOfTrust.openOrCreate(dir.resolve("b.key"), random)) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      byte[] wrapped = root.wrap(secret, aad);
      assertThat(root.unwrap(wrapped, aad)).isEqualTo(secret);
      assertThat(root.wrap(secret, aad)).isNotEqualTo(wrapped); // random IV

      byte[] otherAad = "trent/keyring/term/2".getBytes(StandardCharsets.US_ASCII);
      assertThatThrownBy(() -> root.unwrap(wrapped, otherAad)).isInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> other.unwrap(wrapped, aad)).isInstanceOf(IntegrityException.class);
      for (int bit = 0; bit < wrapped.length * 8; bit++) {
        byte[] w = wrapped.clone();
        w[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThatThrownBy(() -> root.unwrap(w, aad)).isInstanceOf(IntegrityException.class);
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
  void refusesAFileThatIsNotARootKeyFile() throws Exception {
    Path file = dir.resolve("root.key");
    writeOwnerOnly(file, "not a key".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> KeyFileRootOfTrust.openOrCreate(file, random))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("is not a valid Trent root key file")
        .hasMessageContaining("bytes long");

    byte[] wrongMagic = new byte[KeyFileRootOfTrust.FILE_LENGTH];
    writeOwnerOnly(file, wrongMagic);
    assertThatThrownBy(() -> KeyFileRootOfTrust.openOrCreate(file, random))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("does not start with the Trent root key file header");
  }

  @Test
  void refusesACorruptOrFutureFile() throws Exception {
    Path file = dir.resolve("root.key");
    KeyFileRootOfTrust.openOrCreate(file, random).close();
    byte[] good = Files.readAllBytes(file);

    byte[] flipped = good.clone();
    flipped[20] ^= 1; // inside the key
    writeOwnerOnly(file, flipped);
    assertThatThrownBy(() -> KeyFileRootOfTrust.openOrCreate(file, random))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("checksum does not match");

    byte[] future = good.clone();
    future[KeyFileRootOfTrust.MAGIC.length] = 2;
    writeOwnerOnly(file, future);
    assertThatThrownBy(() -> KeyFileRootOfTrust.openOrCreate(file, random))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("unsupported format version 2");
  }

  @Test
  void refusesAFileOthersCanRead() throws Exception {
    assumeTrue(posix());
    Path file = dir.resolve("root.key");
    KeyFileRootOfTrust.openOrCreate(file, random).close();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> KeyFileRootOfTrust.openOrCreate(file, random))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("accessible to group or others")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void closedRootNoLongerWorks() {
    KeyFileRootOfTrust root = KeyFileRootOfTrust.openOrCreate(dir.resolve("root.key"), random);
    root.close();
    assertThatThrownBy(() -> root.wrap(new byte[1], aad)).isInstanceOf(IllegalStateException.class);
  }

  private static void writeOwnerOnly(Path file, byte[] content) throws Exception {
    Files.write(file, content);
    if (posix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
