package trent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import trent.protocol.Identity;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/** A Trent server started in this JVM on a free port with its own data dir, and clients for it. */
final class RunningTrent implements AutoCloseable {

  static final String ACCOUNT = TrentConfig.DEFAULT_DEVELOPMENT_ACCOUNT;

  final Path dataDir;
  private final UnaryOperator<TrentConfig.Builder> customize;
  private TrentServer server;

  private RunningTrent(Path dataDir, UnaryOperator<TrentConfig.Builder> customize) {
    this.dataDir = dataDir;
    this.customize = customize;
    start();
  }

  static RunningTrent start(UnaryOperator<TrentConfig.Builder> customize) throws IOException {
    return new RunningTrent(Files.createTempDirectory("trent-it"), customize);
  }

  static RunningTrent developmentMode() throws IOException {
    return start(b -> b);
  }

  static RunningTrent developmentMode(Clock clock) throws IOException {
    return start(b -> b.clock(clock));
  }

  static RunningTrent withIdentities(List<Identity> identities) throws IOException {
    return start(b -> b.identities(identities));
  }

  void start() {
    server = TrentServer.start(customize.apply(TrentConfig.builder().port(0).dataDir(dataDir)).build());
  }

  /** Stops the server and starts a new one on the same data dir (a new port). */
  void restart() {
    server.close();
    start();
  }

  TrentServer server() {
    return server;
  }

  KmsClient client() {
    return client(Region.US_EAST_1, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  }

  KmsClient client(Region region) {
    return client(region, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  }

  KmsClient client(Region region, String accessKeyId, String secretAccessKey) {
    return KmsClient.builder()
        .endpointOverride(server.endpoint())
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @Override
  public void close() throws IOException {
    server.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
