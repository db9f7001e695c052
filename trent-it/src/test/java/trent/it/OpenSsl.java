package trent.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code openssl} command line as an implementation independent of Trent. Tests that use it
 * are skipped, with a clear reason, when it is not installed; under {@code CI} it must be there
 * ({@code .ci/run} installs it), so there a missing binary fails the test instead.
 */
final class OpenSsl {

  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  private OpenSsl() {}

  static void assumeAvailable() {
    boolean available;
    try {
      available = run(List.of("version")).ok();
    } catch (IOException e) {
      available = false;
    }
    if (System.getenv("CI") != null && !available) {
      throw new AssertionError("openssl is required under CI (.ci/run: need_pkg openssl)");
    }
    assumeTrue(available, "the openssl command is not installed; interoperability with OpenSSL not checked");
  }

  static Result run(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("openssl did not finish: " + command);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static Result run(String... args) throws IOException {
    return run(List.of(args));
  }

  static Path write(Path dir, String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
