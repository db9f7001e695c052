package trent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/**
 * The startup probe's protocol: it finds the endpoint in the server's output, sends a signed
 * request, and runs variants interleaved with the arguments it promises. The "servers" it starts
 * here are shell commands that announce an in-process Trent (development mode), so the test needs
 * no build of the CLI; it checks counts and arguments, never timing.
 */
class StartupProbeTest {

  @TempDir static Path dataDir;
  private static TrentServer server;

  @BeforeAll
  static void start() {
    server = TrentServer.start(TrentConfig.builder().port(0).dataDir(dataDir).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void findsTheEndpointAmongOtherLines() throws Exception {
    String out = "a log line\nTrent is serving the AWS KMS API at http://127.0.0.1:40123 (development mode, account"
        + " 111122223333)\nMetrics and health at http://127.0.0.1:40124\n";

    InetSocketAddress endpoint = StartupProbe.awaitEndpoint(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));

    assertThat(endpoint.getHostString()).isEqualTo("127.0.0.1");
    assertThat(endpoint.getPort()).isEqualTo(40123);
  }

  @Test
  void noEndpointBeforeTheEndOfTheOutput() throws Exception {
    assertThat(StartupProbe.awaitEndpoint(new ByteArrayInputStream("trent: cannot start\n".getBytes(StandardCharsets.UTF_8))))
        .isNull();
  }

  @Test
  void aSignedListKeysIsAnswered() {
    int status = StartupProbe.request(new InetSocketAddress("127.0.0.1", server.port()),
        new SigV4Signer("AKIDANY", "any-secret", "us-east-1", "kms"));

    assertThat(status).isEqualTo(200);
  }

  @Test
  void runsEachVariantInterleavedWithThePromisedArguments(@TempDir Path work) throws Exception {
    Path calls = work.resolve("calls");
    String announce = "echo \"$0 $*\" >> '" + calls + "'; echo 'Trent is serving the AWS KMS API at http://127.0.0.1:"
        + server.port() + " (development mode)'; sleep 60; true";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = new CommandLine(new StartupProbe(new PrintStream(out, true, StandardCharsets.UTF_8)))
        .execute("--runs", "2", "--variant", "a=" + announce, "--variant", "b=" + announce);

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(printed).isZero();
    List<String> lines = Files.readAllLines(calls);
    // One warm-up per variant, then a, b, a, b.
    assertThat(lines).extracting(l -> l.substring(0, 1)).containsExactly("a", "b", "a", "b", "a", "b");
    assertThat(lines).allSatisfy(l -> assertThat(l).matches(". --port 0 --data-dir \\S+ --config \\S+trent\\.yaml"));
    // Restarts: each variant keeps its data dir.
    assertThat(lines.stream().filter(l -> l.startsWith("a")).map(l -> l.split(" ")[4]).distinct()).hasSize(1);
    assertThat(printed).contains("a            start  2", "b            start  2")
        .containsPattern("(?m)^a +median +\\d+ ms").containsPattern("(?m)^b +median +\\d+ ms")
        .doesNotContain("answered HTTP");
  }

  @Test
  void freshGivesEveryStartAnEmptyDataDir(@TempDir Path work) throws Exception {
    Path calls = work.resolve("calls");
    String announce = "echo \"$*\" >> '" + calls + "'; echo 'Trent is serving the AWS KMS API at http://127.0.0.1:"
        + server.port() + "'; sleep 60; true";

    int status = new CommandLine(new StartupProbe(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .execute("--runs", "3", "--fresh", "--variant", "x=" + announce);

    assertThat(status).isZero();
    assertThat(Files.readAllLines(calls).stream().map(l -> l.split(" ")[3]).distinct()).hasSize(4);
  }
}
