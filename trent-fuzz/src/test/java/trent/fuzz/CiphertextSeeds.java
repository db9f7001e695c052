package trent.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import trent.crypto.SecretBytes;
import trent.domain.ciphertext.EncryptionContext;

/**
 * Writes the ciphertext seeds: blobs the target's fixed key sealed, so mutations start from
 * well-formed input. Run once by hand; the output is checked in under {@code corpus/ciphertext}.
 */
final class CiphertextSeeds {

  private CiphertextSeeds() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus/ciphertext");
    Files.createDirectories(dir);
    int i = 0;
    for (String plaintext : new String[] {"x", "hello world", "a".repeat(4096)}) {
      for (EncryptionContext context : new EncryptionContext[] {EncryptionContext.empty(), CiphertextFuzzer.CONTEXT}) {
        byte[] blob = CiphertextFuzzer.FORMAT.seal(CiphertextFuzzer.KEY,
            SecretBytes.copyOf(plaintext.getBytes(StandardCharsets.UTF_8)), context);
        Files.write(dir.resolve("sealed-" + i++), blob);
      }
    }
    Files.write(dir.resolve("short"), new byte[] {1, 1, 2, 3});
  }
}
