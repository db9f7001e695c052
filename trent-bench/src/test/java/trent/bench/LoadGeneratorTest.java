package trent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.protocol.Identity;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/**
 * The load generator against an in-process Trent that verifies every signature. Checks counts and
 * errors only, never timing.
 */
class LoadGeneratorTest {

  private static final String ACCESS_KEY_ID = "AKIDBENCHTEST";
  private static final String SECRET = "benchTestSecretKey/0123456789abcdefghijkl";

  @TempDir static Path dataDir;
  private static TrentServer server;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void start() {
    server = TrentServer.start(TrentConfig.builder().port(0).dataDir(dataDir)
        .identities(List.of(new Identity(ACCESS_KEY_ID, SECRET, "111122223333",
            "arn:aws:iam::111122223333:root")))
        .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private LoadGenerator generator(String... args) {
    LoadGenerator g = new LoadGenerator().printTo(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    LoadGenerator.commandLine(g).parseArgs(args);
    return g;
  }

  private String[] args(String operation, String secret, String... more) {
    List<String> a = new java.util.ArrayList<>(List.of(
        "--endpoint", server.endpoint().toString(), "--operation", operation,
        "--access-key", ACCESS_KEY_ID, "--secret-key", secret,
        "--connections", "4", "--requests", "200", "--warmup", "0"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  private LoadResult measured(LoadGenerator.Outcome outcome) {
    assertThat(outcome).as(err.toString(StandardCharsets.UTF_8)).isInstanceOf(LoadGenerator.Outcome.Measured.class);
    return ((LoadGenerator.Outcome.Measured) outcome).result();
  }

  @Test
  void createKeyCountsEveryRequest() throws Exception {
    LoadResult r = measured(generator(args("CreateKey", SECRET)).measure());

    assertThat(r.requests()).isEqualTo(200);
    assertThat(r.latencyMicros().getTotalCount()).isEqualTo(200);
    assertThat(r.httpErrors()).isEmpty();
    assertThat(r.socketErrors()).isEmpty();
    assertThat(r.clean()).isTrue();
  }

  @Test
  void describeKeyCreatesItsKeyFirst() throws Exception {
    LoadResult r = measured(generator(args("DescribeKey", SECRET)).measure());

    assertThat(r.requests()).isEqualTo(200);
    assertThat(r.clean()).isTrue();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("created key arn:aws:kms:us-east-1:111122223333:key/");
  }

  @Test
  void describeKeyByAliasAfterAWarmup() throws Exception {
    LoadResult first = measured(generator(args("DescribeKey", SECRET)).measure());
    assertThat(first.clean()).isTrue();
    String arn = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("created key "))
        .findFirst().orElseThrow().replaceAll(".*created key ", "");
    try (KmsHttpClient client = new KmsHttpClient(server.endpoint(),
        new SigV4Signer(ACCESS_KEY_ID, SECRET, "us-east-1", "kms"), 1)) {
      KmsHttpClient.Response alias = client.call("CreateAlias",
          ("{\"AliasName\":\"alias/bench\",\"TargetKeyId\":\"" + arn + "\"}").getBytes(StandardCharsets.UTF_8),
          java.time.Duration.ofSeconds(10));
      assertThat(alias.ok()).as(alias.toString()).isTrue();
    }

    LoadResult r = measured(generator(args("DescribeKey", SECRET, "--key-id", "alias/bench", "--warmup", "200ms"))
        .measure());

    assertThat(r.requests()).isEqualTo(200);
    assertThat(r.clean()).isTrue();
  }

  @Test
  void aWrongSecretFailsTheSetupAndTheExitStatus() {
    LoadGenerator g = generator(args("CreateKey", SECRET + "x"));

    int status = LoadGenerator.commandLine(g).execute(args("CreateKey", SECRET + "x"));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("InvalidSignatureException");
  }

  @Test
  void decryptIsSkippedOrMeasuredCleanly() throws Exception {
    // Skipped while the server lacks GenerateDataKeyWithoutPlaintext; measured once it has it.
    LoadGenerator.Outcome outcome = generator(args("Decrypt", SECRET)).measure();

    if (outcome instanceof LoadGenerator.Outcome.Skipped s) {
      assertThat(s.reason()).contains("UnknownOperationException");
    } else {
      LoadResult r = measured(outcome);
      assertThat(r.requests()).isEqualTo(200);
      assertThat(r.clean()).isTrue();
    }
  }

  @Test
  void parsesDurations() {
    assertThat(LoadGenerator.DurationConverter.parse("10s")).hasSeconds(10);
    assertThat(LoadGenerator.DurationConverter.parse("500ms")).hasMillis(500);
    assertThat(LoadGenerator.DurationConverter.parse("1m")).hasSeconds(60);
    assertThat(LoadGenerator.DurationConverter.parse("3")).hasSeconds(3);
  }
}
