package trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code serve}'s arguments read without picocli ({@link ServeCommand#parsePlain}): where it reads
 * them, it reads them as picocli does; everything else (help, version, errors) it leaves to
 * picocli, whose texts other tools rely on.
 */
class ServeCommandTest {

  /** The serve command as picocli reads {@code trent serve ARGS}. */
  private static ServeCommand picocli(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    CommandLine.ParseResult result = new CommandLine(new Main()).parseArgs(all);
    return (ServeCommand) result.subcommand().commandSpec().userObject();
  }

  private static List<Object> fields(ServeCommand c) {
    return java.util.Arrays.asList(c.host, c.port, c.dataDir, c.config, c.seed, c.inMemory, c.insecureDevMode,
        c.exitWhenReady);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "--port 0",
      "--port=4599",
      "--port 65535 --host 0.0.0.0 --insecure-dev-mode",
      "--host ::1 --port 12",
      "--data-dir ./.trent-data",
      "--data-dir=/tmp/x --config /etc/trent/trent.yaml --seed seed.yaml",
      "--in-memory --seed seed.yaml --port 0",
      "--port 0 --data-dir /tmp/d --config /tmp/c.yaml",
      "--exit-when-ready --port 0",
      "--host=a=b",
      "--data-dir serve",
      "--data-dir dir with-no-spaces --port 1",
  })
  void readsPlainArgumentsAsPicocliDoes(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    if (line.equals("--data-dir dir with-no-spaces --port 1")) {
      // A stray positional argument: picocli refuses it, so the plain reader must leave it to picocli.
      assertThat(ServeCommand.parsePlain(args)).isNull();
      return;
    }

    ServeCommand plain = ServeCommand.parsePlain(args);

    assertThat(plain).as("read without picocli: %s", line).isNotNull();
    assertThat(fields(plain)).isEqualTo(fields(picocli(args)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "--help", "-h", "--version", "-V", "--port", "--port x", "--port 070", "--port -1", "--port 0x10",
      "--port 99999999999", "--port 1 --port 2", "--in-memory --in-memory", "--in-memory=true", "--unknown",
      "--host", "--host -x", "--host=", "--data-dir @args", "@args", "extra", "--", "-p 1", "--data-dir \"quoted\"",
      "--PORT 1",
  })
  void leavesEverythingElseToPicocli(String line) {
    assertThat(ServeCommand.parsePlain(line.split(" "))).as(line).isNull();
  }

  @Test
  void helpAndErrorsAreStillPicocliTexts() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
    cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));

    assertThat(cli.execute("serve", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: trent serve [-hV] [--in-memory] [--insecure-dev-mode]")
        .contains("--port=<port>", "Port to listen on; 0 picks a free one (default:")
        .doesNotContain("--exit-when-ready");
    assertThat(cli.execute("serve", "--port", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Invalid value for option '--port': 'x' is not an int");
  }
}
