package trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import trent.server.SeedFile;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/**
 * {@code trent export} and {@code trent import} on SQLite data dirs. The source is filled from a
 * seed file, so the test knows the key material: it must not appear in the backup, and after an
 * import under another root the same seed must find the same material (a seed with the same id but
 * other material stops the start), which proves the material survived the rewrap intact.
 */
class BackupCommandsTest {

  static final String MATERIAL = "5e0f1c2d3b4a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
  static final String SEED = "keys:\n  - id: 2f1e0d9c-8b7a-4695-a4b3-c2d1e0f9a8b7\n    material: { hex: " + MATERIAL + " }\n"
      + "    aliases: [ alias/backed-up ]\n    tags: { team: a }\n    grants:\n      - name: g\n"
      + "        granteePrincipal: arn:aws:iam::111122223333:role/app\n        operations: [ Decrypt ]\n";

  record Run(int status, String out, String err) {}

  static Run trent(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int status = new CommandLine(new Main()).execute(args);
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  static void startSeeded(Path dataDir) {
    TrentServer.start(TrentConfig.builder().port(0).dataDir(dataDir).seed(SeedFile.parse("seed.yaml", SEED)).build())
        .close();
  }

  @Test
  void aBackupMovesToAnotherRootOnlyWithRewrapAndHoldsNoMaterialInTheClear(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("a");
    Path target = dir.resolve("b");
    Path backup = dir.resolve("backup.json");
    startSeeded(source);

    Run export = trent("export", "--data-dir", source.toString(), "--out", backup.toString());
    assertThat(export.status()).as(export.err()).isZero();
    assertThat(export.out()).contains("exported 1 key(s), 1 alias(es), 1 grant(s) and 1 keyring term(s)");
    String text = Files.readString(backup);
    byte[] raw = Files.readAllBytes(backup);
    byte[] material = HexFormat.of().parseHex(MATERIAL);
    assertThat(text).contains("\"format\" : \"trent-backup\"", "\"version\" : 1")
        .doesNotContainIgnoringCase(MATERIAL).doesNotContain(Base64.getEncoder().encodeToString(material));
    assertThat(indexOf(raw, material)).isEqualTo(-1);

    Run refused = trent("import", "--data-dir", target.toString(), "--in", backup.toString());
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).contains("cannot import: the backup's keyring was wrapped by root of trust",
        "give the source's root with --rewrap-from");

    Run imported = trent("import", "--data-dir", target.toString(), "--in", backup.toString(),
        "--rewrap-from", source.resolve("root.key").toString());
    assertThat(imported.status()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 1 key(s), 1 alias(es), 1 grant(s) and 1 keyring term(s)");
    assertThat(Files.readAllBytes(target.resolve("root.key"))).isNotEqualTo(Files.readAllBytes(source.resolve("root.key")));
    startSeeded(target); // finds the seeded key with the same material under the target's own root

    Run again = trent("import", "--data-dir", target.toString(), "--in", backup.toString());
    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err()).contains("cannot import: the target store is not empty");
  }

  @Test
  void withTheSameRootNoRewrapIsNeeded(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("a");
    Path target = dir.resolve("b");
    startSeeded(source);
    Files.createDirectories(target);
    Files.copy(source.resolve("root.key"), target.resolve("root.key"));
    Path backup = dir.resolve("backup.json");
    assertThat(trent("export", "--data-dir", source.toString(), "--out", backup.toString()).status()).isZero();

    Run imported = trent("import", "--data-dir", target.toString(), "--in", backup.toString());
    assertThat(imported.status()).as(imported.err()).isZero();
    startSeeded(target);
  }

  @Test
  void exportRefusesADataDirWithoutADatabaseAndImportAForeignFile(@TempDir Path dir) throws Exception {
    Run export = trent("export", "--data-dir", dir.resolve("none").toString(), "--out", dir.resolve("b.json").toString());
    assertThat(export.status()).isEqualTo(1);
    assertThat(export.err()).contains("cannot export: no Trent database at");
    assertThat(dir.resolve("none")).doesNotExist();

    Files.writeString(dir.resolve("other.json"), "{\"format\":\"something-else\",\"version\":1}");
    Run imported = trent("import", "--data-dir", dir.resolve("t").toString(), "--in", dir.resolve("other.json").toString());
    assertThat(imported.status()).isEqualTo(1);
    assertThat(imported.err()).contains("cannot import: not a Trent backup");
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
