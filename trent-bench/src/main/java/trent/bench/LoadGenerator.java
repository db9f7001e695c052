package trent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Closed-loop load generator for Trent (or any AWS KMS endpoint over plain HTTP): {@code
 * --connections} keep-alive connections, one request in flight on each, every request freshly
 * signed with SigV4, for {@code --duration} after a {@code --warmup}.
 *
 * <p>Before the load: when the operation needs a key and none is given, one is made with {@code
 * CreateKey}; for {@code Decrypt} a {@code CiphertextBlob} is made with {@code
 * GenerateDataKeyWithoutPlaintext}; then one request of the operation is sent and must be answered
 * 2xx. If the server answers {@code UnknownOperationException} to a setup step or that first
 * request, the run is skipped with a message and exit status 0, as the operation cannot be
 * measured yet.
 *
 * <p>Exit status: 0 when every measured request was answered 2xx (or the run was skipped), 1 when
 * any failed or setup failed, 2 for bad options.
 */
@Command(name = "bench load", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Closed-loop SigV4-signed load against a KMS endpoint; prints throughput and latency.")
public final class LoadGenerator implements Callable<Integer> {

  static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--endpoint", defaultValue = "http://127.0.0.1:4599", description = "Default: ${DEFAULT-VALUE}")
  URI endpoint;

  @Option(names = "--operation", defaultValue = "GenerateDataKeyWithoutPlaintext",
      converter = OperationConverter.class,
      description = "GenerateDataKeyWithoutPlaintext, GenerateDataKey, Encrypt, Decrypt, CreateKey or DescribeKey."
          + " Default: ${DEFAULT-VALUE}")
  Operation operation;

  @Option(names = "--connections", defaultValue = "64", description = "Default: ${DEFAULT-VALUE}")
  int connections;

  @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
      description = "Measurement time, e.g. 10s, 500ms, 1m. Default: ${DEFAULT-VALUE}")
  Duration duration;

  @Option(names = "--warmup", defaultValue = "3s", converter = DurationConverter.class,
      description = "Warm-up time, not measured. Default: ${DEFAULT-VALUE}")
  Duration warmup;

  @Option(names = "--requests", defaultValue = "0",
      description = "Measure exactly this many requests instead of a duration (0: use --duration).")
  long requests;

  @Option(names = "--key-id", description = "Key id, ARN or alias name; default: create a key with CreateKey.")
  String keyId;

  @Option(names = "--key-policy", paramLabel = "FILE",
      description = "When the key is created here: give it the key policy in FILE (JSON) instead of the default one.")
  Path keyPolicy;

  @Option(names = "--grant-for", paramLabel = "ARN",
      description = "When the key is created here: also create a grant on it for ARN (e.g. the caller) allowing the"
          + " operation (constrained to --encryption-context when given), so that grants are consulted as in production.")
  String grantFor;

  @Option(names = "--encryption-context", paramLabel = "KEY=VALUE", split = ",",
      description = "An encryption context sent with every request of the operations that take one, e.g. tenant=t1.")
  Map<String, String> encryptionContext = new LinkedHashMap<>();

  @Option(names = "--access-key", defaultValue = "AKIDEXAMPLE", description = "Default: ${DEFAULT-VALUE}")
  String accessKey;

  @Option(names = "--secret-key", defaultValue = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      description = "Default: the example key of the README.")
  String secretKey;

  @Option(names = "--region", defaultValue = "us-east-1", description = "Default: ${DEFAULT-VALUE}")
  String region;

  @Option(names = "--io-threads", defaultValue = "1",
      description = "Client event loop threads (keep it low on a machine shared with the server). Default: ${DEFAULT-VALUE}")
  int ioThreads;

  @Option(names = "--drain-timeout", defaultValue = "30s", converter = DurationConverter.class,
      description = "How long to wait for answers in flight at the end. Default: ${DEFAULT-VALUE}")
  Duration drainTimeout;

  @Option(names = "--server-pid", defaultValue = "0",
      description = "The server's process id, when it runs on this machine: its CPU time per request is reported.")
  long serverPid;

  private PrintStream out = System.out;
  private PrintStream err = System.err;

  public static void main(String[] args) {
    System.exit(commandLine(new LoadGenerator()).execute(args));
  }

  /** Later options win over earlier ones, so scripts can put defaults first. */
  static CommandLine commandLine(LoadGenerator generator) {
    return new CommandLine(generator).setOverwrittenOptionsAllowed(true);
  }

  /** Where results and progress go; for tests. */
  LoadGenerator printTo(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
    return this;
  }

  @Override
  public Integer call() throws Exception {
    Outcome outcome = measure();
    if (outcome instanceof Outcome.Skipped s) {
      out.println(operation.awsName() + ": skipped: " + s.reason());
      return 0;
    }
    if (outcome instanceof Outcome.Failed f) {
      err.println("bench: " + f.reason());
      return 1;
    }
    LoadResult r = ((Outcome.Measured) outcome).result();
    out.print(r.format());
    return r.clean() ? 0 : 1;
  }

  /** Runs the setup steps and the load; prints only progress lines. */
  public Outcome measure() throws InterruptedException {
    SigV4Signer signer = new SigV4Signer(accessKey, secretKey, region, "kms");
    try (KmsHttpClient client = new KmsHttpClient(endpoint, signer, ioThreads)) {
      String key = keyId;
      if (operation.needsKey() && key == null) {
        KmsHttpClient.Response created = client.call("CreateKey", createKeyBody(), SETUP_TIMEOUT);
        if (!created.ok()) {
          return Outcome.Failed.of("setup: CreateKey", created);
        }
        key = created.json().path("KeyMetadata").path("Arn").asText();
        err.println("bench: created key " + key + (keyPolicy == null ? "" : " with the key policy of " + keyPolicy));
        if (grantFor != null) {
          KmsHttpClient.Response granted = client.call("CreateGrant", createGrantBody(key), SETUP_TIMEOUT);
          if (!granted.ok()) {
            return Outcome.Failed.of("setup: CreateGrant", granted);
          }
          err.println("bench: created grant " + granted.json().path("GrantId").asText() + " for " + grantFor);
        }
      }
      byte[] blob = null;
      if (operation == Operation.DECRYPT) {
        KmsHttpClient.Response made = client.call(Operation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT.awsName(),
            Operation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT.body(key, null, encryptionContext), SETUP_TIMEOUT);
        if (isUnknownOperation(made)) {
          return new Outcome.Skipped("the server does not implement GenerateDataKeyWithoutPlaintext yet"
              + " (UnknownOperationException), which Decrypt needs to make a CiphertextBlob");
        }
        if (!made.ok()) {
          return Outcome.Failed.of("setup: GenerateDataKeyWithoutPlaintext", made);
        }
        blob = Base64.getDecoder().decode(made.json().path("CiphertextBlob").asText());
      }
      byte[] body = operation.body(key, blob, encryptionContext);
      KmsHttpClient.Response first = client.call(operation.awsName(), body, SETUP_TIMEOUT);
      if (isUnknownOperation(first)) {
        return new Outcome.Skipped("the server does not implement " + operation.awsName()
            + " yet (UnknownOperationException)");
      }
      if (!first.ok()) {
        return Outcome.Failed.of("first " + operation.awsName() + " request", first);
      }
      err.println(String.format(Locale.ROOT, "bench: %s, %d connection(s), warm-up %s, %s ...",
          operation.awsName(), connections, DurationConverter.format(warmup),
          requests > 0 ? requests + " requests" : DurationConverter.format(duration)));
      LoadRun.Plan plan = new LoadRun.Plan(connections, warmup, duration, requests, drainTimeout, serverPid);
      return new Outcome.Measured(new LoadRun(client, operation.awsName(), body, plan).run());
    } catch (IOException e) {
      return new Outcome.Failed("cannot reach " + endpoint + ": " + e.getMessage());
    }
  }

  private byte[] createKeyBody() throws IOException {
    ObjectNode o = JSON.createObjectNode().put("Description", "trent-bench");
    if (keyPolicy != null) {
      o.put("Policy", Files.readString(keyPolicy));
    }
    return JSON.writeValueAsBytes(o);
  }

  /** A grant for the measured operation (and GenerateDataKeyWithoutPlaintext, which Decrypt's setup needs). */
  private byte[] createGrantBody(String key) throws IOException {
    ObjectNode o = JSON.createObjectNode().put("KeyId", key).put("GranteePrincipal", grantFor);
    ArrayNode ops = o.putArray("Operations");
    if (operation != Operation.CREATE_KEY) {
      ops.add(operation.awsName());
    }
    if (operation != Operation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT) {
      ops.add(Operation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT.awsName());
    }
    if (!encryptionContext.isEmpty() && operation != Operation.DESCRIBE_KEY) {
      ObjectNode subset = o.putObject("Constraints").putObject("EncryptionContextSubset");
      encryptionContext.forEach(subset::put);
    }
    return JSON.writeValueAsBytes(o);
  }

  private static boolean isUnknownOperation(KmsHttpClient.Response r) {
    return !r.ok() && r.errorType().endsWith("UnknownOperationException");
  }

  /** The result of {@link #measure()}. */
  public sealed interface Outcome {
    record Measured(LoadResult result) implements Outcome {}

    /** The server does not implement what the run needs; nothing was measured. */
    record Skipped(String reason) implements Outcome {}

    /** Setup failed: the server could not be reached or answered an error. */
    record Failed(String reason) implements Outcome {
      static Failed of(String step, KmsHttpClient.Response r) {
        return new Failed(step + " answered " + r);
      }
    }
  }

  static final class OperationConverter implements CommandLine.ITypeConverter<Operation> {
    @Override
    public Operation convert(String value) {
      return Operation.fromAwsName(value);
    }
  }

  /** {@code 10s}, {@code 500ms}, {@code 2m}, or a bare number of seconds. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parse(value);
    }

    static Duration parse(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      Duration d;
      if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      } else if (v.endsWith("s")) {
        d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
      } else if (v.endsWith("m")) {
        d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
      } else {
        d = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
      }
      if (d.isNegative()) {
        throw new IllegalArgumentException("a duration must not be negative: " + value);
      }
      return d;
    }

    static String format(Duration d) {
      return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
  }
}
