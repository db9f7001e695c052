package trent.junit;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** Builds SDK clients; kept apart so the extension loads without the SDK on the classpath. */
final class KmsClients {

  static final String KMS_CLIENT = "software.amazon.awssdk.services.kms.KmsClient";

  private KmsClients() {}

  static KmsClient create(URI endpoint, String region) {
    return KmsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTRENTTEST", "trent-test-secret")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
