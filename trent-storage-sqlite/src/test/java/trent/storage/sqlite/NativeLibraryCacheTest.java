package trent.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {

  @Test
  void theLibraryIsExtractedOnceIntoAnOwnerOnlyDirectory(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("cache");
    Path library = NativeLibraryCache.extractTo(root);

    assertThat(library).isRegularFile().startsWith(root);
    assertThat(Files.size(library)).isGreaterThan(100_000);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library.getParent()))).isEqualTo("rwx------");
    FileTime written = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(library, written);
    assertThat(NativeLibraryCache.extractTo(root)).isEqualTo(library);
    assertThat(Files.getLastModifiedTime(library)).isEqualTo(written); // reused, not written again
    try (var files = Files.list(library.getParent())) {
      assertThat(files).containsExactly(library); // no partial copies left behind
    }
  }

  @Test
  void aDirectoryOthersMayWriteToIsNotUsed(@TempDir Path dir) throws Exception {
    Path root = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(NativeLibraryCache.extractTo(root)).isNull();
  }

  @Test
  void aLibraryOfAnotherSizeIsReplaced(@TempDir Path dir) throws Exception {
    Path library = NativeLibraryCache.extractTo(dir.resolve("cache"));
    long size = Files.size(library);
    Files.write(library, new byte[] {1, 2, 3});
    assertThat(Files.size(NativeLibraryCache.extractTo(dir.resolve("cache")))).isEqualTo(size);
  }
}
