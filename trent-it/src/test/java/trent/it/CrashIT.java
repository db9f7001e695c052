package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Runs {@code trent serve} as a separate process, kills it with SIGKILL right after acknowledged
 * CreateKey calls, and finds every acknowledged key after a restart. Also checks that SIGTERM
 * ends the process with status 0.
 */
class CrashIT {

  private static final Pattern ENDPOINT = Pattern.compile("at (http://\\S+)");

  record Child(Process process, URI endpoint) {}

  static Child serve(Path dataDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "trent.cli.Main", "serve", "--port", "0", "--data-dir", dataDir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(60, TimeUnit.SECONDS);
    assertThat(line).as("the line announcing the endpoint").isNotNull();
    Matcher m = ENDPOINT.matcher(line);
    assertThat(m.find()).as("endpoint in: " + line).isTrue();
    return new Child(process, URI.create(m.group(1)));
  }

  static KmsClient client(URI endpoint) {
    return KmsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @Test
  void everyAcknowledgedCreateKeySurvivesSigkill() throws Exception {
    Path dataDir = Files.createTempDirectory("trent-crash");
    List<String> acknowledged = new ArrayList<>();
    Child first = serve(dataDir);
    try (KmsClient kms = client(first.endpoint())) {
      for (int i = 0; i < 20; i++) {
        acknowledged.add(kms.createKey(r -> r.description("acknowledged")).keyMetadata().keyId());
      }
      kms.createAlias(r -> r.aliasName("alias/last").targetKeyId(acknowledged.get(19)));
    } finally {
      first.process().destroyForcibly();
      first.process().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);

    Child second = serve(dataDir);
    try (KmsClient kms = client(second.endpoint())) {
      for (String keyId : acknowledged) {
        assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyId()).isEqualTo(keyId);
      }
      assertThat(kms.describeKey(r -> r.keyId("alias/last")).keyMetadata().keyId()).isEqualTo(acknowledged.get(19));
    } finally {
      second.process().destroy();
      assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(second.process().exitValue()).as("SIGTERM ends trent serve with status 0").isZero();
  }
}
