package trent.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import trent.protocol.Identity;

/**
 * The YAML configuration file ({@code --config}). Its shape is an interface other tools rely on:
 * <pre>
 * host: 127.0.0.1            # optional
 * port: 4599                 # optional
 * dataDir: .trent-data       # optional
 * developmentAccount: "111122223333"   # optional, development mode only
 * identities:
 *   - accessKeyId: AKIDEXAMPLE
 *     secretAccessKey: wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
 *     account: "111122223333"
 *     arn: arn:aws:iam::111122223333:user/alice
 *     policy: { ... }        # optional IAM identity policy
 * </pre>
 * Unknown settings are refused, so a misspelt one is noticed.
 */
public record ConfigFile(
    String host,
    Integer port,
    String dataDir,
    String developmentAccount,
    List<IdentityEntry> identities) {

  /** One entry of {@code identities}. */
  public record IdentityEntry(String accessKeyId, String secretAccessKey, String account, String arn, JsonNode policy) {

    Identity toIdentity(int index) {
      require(accessKeyId, "accessKeyId", index);
      require(secretAccessKey, "secretAccessKey", index);
      require(account, "account", index);
      require(arn, "arn", index);
      return new Identity(accessKeyId, secretAccessKey, account, arn);
    }

    private static void require(String value, String name, int index) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("identities[" + index + "]: " + name + " is required");
      }
    }

    @Override
    public String toString() {
      return "IdentityEntry[accessKeyId=" + accessKeyId + ", account=" + account + ", arn=" + arn + "]";
    }
  }

  public static ConfigFile read(Path file) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      ConfigFile config = yaml.readValue(Files.readAllBytes(file), ConfigFile.class);
      return config == null ? new ConfigFile(null, null, null, null, null) : config;
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(file + ": unknown setting '" + e.getPropertyName() + "'", e);
    }
  }

  /** Applies the file's settings to a builder; command-line options applied afterwards win. */
  public TrentConfig.Builder applyTo(TrentConfig.Builder builder) {
    if (host != null) {
      builder.host(host);
    }
    if (port != null) {
      builder.port(port);
    }
    if (dataDir != null) {
      builder.dataDir(Path.of(dataDir));
    }
    if (developmentAccount != null) {
      builder.developmentAccount(developmentAccount);
    }
    if (identities != null) {
      java.util.ArrayList<Identity> list = new java.util.ArrayList<>();
      for (int i = 0; i < identities.size(); i++) {
        list.add(identities.get(i).toIdentity(i));
      }
      builder.identities(list);
    }
    return builder;
  }
}
