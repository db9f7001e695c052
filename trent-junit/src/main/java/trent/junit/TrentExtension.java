package trent.junit;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import trent.server.SeedFile;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/**
 * Runs an in-process Trent for a test class: in memory, under an ephemeral root key, in
 * development mode (any credentials act as the root of {@link #account()}), on a free port of
 * 127.0.0.1. Nothing is written to disk.
 *
 * <p>Two ways to use it:
 * <pre>{@code
 * class PaymentsTest {
 *   @RegisterExtension
 *   static TrentExtension trent = TrentExtension.builder().resetBetweenTests(true).build();
 *
 *   @Test
 *   void encryptsCardNumbers() {
 *     KmsClient kms = trent.kmsClient();
 *     String keyId = kms.createKey(r -> r.description("cards")).keyMetadata().keyId();
 *     ...
 *   }
 * }
 *
 * @ExtendWith(TrentExtension.class)
 * class SimplerTest {
 *   @Test
 *   void works(KmsClient kms, URI endpoint) { ... }   // parameters are injected
 * }
 * }</pre>
 *
 * <p>State: keys, aliases and tags live as long as the server, i.e. the test class. With
 * {@code resetBetweenTests(true)} every test starts with an empty server instead. With
 * {@code seed("kms-seed.yaml")} the server starts with the keys of a seed file (and gets them back
 * after every reset): fixed ids and key material, so ciphertexts and MACs kept as test fixtures
 * stay valid. The server is
 * stopped after the class. Clients handed out by {@link #kmsClient()} are closed with it.
 */
public final class TrentExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

  private final boolean resetBetweenTests;
  private final String region;
  private final String account;
  private final SeedFile seed;
  private final List<AutoCloseable> clients = new ArrayList<>();
  private TrentServer server;

  /** The default extension: state kept per test class, Region us-east-1, account 111122223333. */
  public TrentExtension() {
    this(builder());
  }

  private TrentExtension(Builder builder) {
    this.resetBetweenTests = builder.resetBetweenTests;
    this.region = builder.region;
    this.account = builder.account;
    this.seed = builder.seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (server == null) {
      server = TrentServer.start(TrentConfig.builder()
          .host("127.0.0.1")
          .port(0)
          .inMemory(true)
          .developmentAccount(account)
          .seed(seed)
          .build());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (resetBetweenTests) {
      server().reset();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        // a client that fails to close holds nothing the server needs
      }
    }
    clients.clear();
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** The endpoint to point any AWS SDK or the AWS CLI at, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return server().endpoint();
  }

  /** The Region clients from {@link #kmsClient()} use (keys belong to one Region). */
  public String region() {
    return region;
  }

  /** The account every caller acts in. */
  public String account() {
    return account;
  }

  /** The running server, for what the KMS API does not offer (e.g. {@link TrentServer#reset()}). */
  public TrentServer server() {
    if (server == null) {
      throw new IllegalStateException("Trent is not running: register the extension on the test class");
    }
    return server;
  }

  /**
   * A ready AWS SDK for Java v2 KmsClient for this server (needs {@code software.amazon.awssdk:kms}
   * and {@code url-connection-client} on the test classpath). Closed after the test class.
   */
  public software.amazon.awssdk.services.kms.KmsClient kmsClient() {
    software.amazon.awssdk.services.kms.KmsClient client = KmsClients.create(endpoint(), region);
    clients.add(client);
    return client;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    String type = parameter.getParameter().getType().getName();
    return type.equals(URI.class.getName()) || type.equals(KmsClients.KMS_CLIENT) || type.equals(TrentServer.class.getName());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == URI.class) {
      return endpoint();
    }
    if (type == TrentServer.class) {
      return server();
    }
    if (type.getName().equals(KmsClients.KMS_CLIENT)) {
      return kmsClient();
    }
    throw new ParameterResolutionException("TrentExtension cannot supply " + type.getName());
  }

  /** Settings of the extension. */
  public static final class Builder {
    private boolean resetBetweenTests;
    private String region = "us-east-1";
    private String account = TrentConfig.DEFAULT_DEVELOPMENT_ACCOUNT;
    private SeedFile seed;

    /** Empty the server before every test (default: state is kept for the whole class). */
    public Builder resetBetweenTests(boolean reset) {
      this.resetBetweenTests = reset;
      return this;
    }

    /** The Region of clients from {@link TrentExtension#kmsClient()} (default us-east-1). */
    public Builder region(String region) {
      if (region == null || region.isBlank()) {
        throw new IllegalArgumentException("region must not be empty");
      }
      this.region = region;
      return this;
    }

    /** The account every caller acts in (default 111122223333). */
    public Builder account(String account) {
      if (account == null || !account.matches("[0-9]{12}")) {
        throw new IllegalArgumentException("account must be 12 digits, was '" + account + "'");
      }
      this.account = account;
      return this;
    }

    /**
     * Keys with fixed ids and key material to create at start and after every reset (see
     * {@link SeedFile} for the format). The file is read and checked now: a bad entry fails here.
     */
    public Builder seed(Path file) {
      this.seed = SeedFile.read(file);
      return this;
    }

    /** As {@link #seed(Path)}, from a class path resource, e.g. {@code "kms-seed.yaml"} in src/test/resources. */
    public Builder seed(String classpathResource) {
      this.seed = SeedFile.fromClasspath(classpathResource);
      return this;
    }

    public TrentExtension build() {
      return new TrentExtension(this);
    }
  }
}
