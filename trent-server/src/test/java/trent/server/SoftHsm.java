package trent.server;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * SoftHSM2 for the tests (as trent-rot-pkcs11's tests do it): finds the library and
 * {@code softhsm2-util}, and prepares a fresh token directory with the tokens the tests use, once
 * per JVM.
 *
 * <p>SoftHSM2 reads {@code SOFTHSM2_CONF} and its token directory once, when the JVM first loads
 * the library, so the file it names (set by the surefire configuration) and every token are made
 * here before any test opens a root. When SoftHSM2 is not installed, tests are skipped with a
 * message saying how to install it, except under CI (env {@code CI} set), where they fail.
 */
final class SoftHsm {

  static final String TOKEN = "trent-test";
  /** A token nobody logs in to with the right PIN, so wrong-PIN tests see the token's own check. */
  static final String OTHER_TOKEN = "trent-test-other";
  static final String PIN = "4711-user";
  static final String SO_PIN = "0815-so";

  private static final List<Path> LIBRARIES = List.of(
      Path.of("/usr/lib/softhsm/libsofthsm2.so"),
      Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
      Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
      Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

  private static Path library;

  private SoftHsm() {}

  /** The SoftHSM2 library, with the test tokens ready; skips or fails the test when impossible. */
  static synchronized Path library() {
    if (library != null) {
      return library;
    }
    Optional<Path> lib = LIBRARIES.stream().filter(Files::isRegularFile).findFirst();
    Optional<Path> util = Stream.of("/usr/bin/softhsm2-util", "/usr/local/bin/softhsm2-util")
        .map(Path::of).filter(Files::isExecutable).findFirst();
    if (lib.isEmpty() || util.isEmpty()) {
      String message = "SoftHSM2 is not installed (looked for " + LIBRARIES + " and softhsm2-util);"
          + " install it with: apt-get install softhsm2 (or run .ci/softhsm.sh)";
      if (System.getenv("CI") != null) {
        fail(message + ". CI must run the PKCS#11 tests.");
      }
      assumeTrue(false, message + ". Skipping the PKCS#11 tests.");
    }
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null) {
      fail("SOFTHSM2_CONF is not set; run these tests through Maven (its surefire configuration"
          + " sets it) or set it to a file this test may overwrite");
    }
    try {
      prepare(util.get(), Path.of(conf));
    } catch (IOException | InterruptedException e) {
      fail("cannot prepare SoftHSM2 tokens: " + e, e);
    }
    library = lib.get();
    return library;
  }

  private static void prepare(Path util, Path conf) throws IOException, InterruptedException {
    Path dir = conf.toAbsolutePath().getParent();
    Path tokens = dir.resolve("tokens");
    if (Files.exists(tokens)) {
      try (Stream<Path> old = Files.walk(tokens)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(tokens);
    Files.writeString(conf, "directories.tokendir = " + tokens + "\n"
        + "objectstore.backend = file\n"
        + "log.level = ERROR\n", StandardCharsets.UTF_8);
    for (String label : List.of(TOKEN, OTHER_TOKEN)) {
      Process p = new ProcessBuilder(util.toString(), "--init-token", "--free", "--label", label,
          "--pin", PIN, "--so-pin", SO_PIN)
          .redirectErrorStream(true)
          .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        fail("softhsm2-util --init-token --label " + label + " failed: " + out);
      }
    }
  }
}
