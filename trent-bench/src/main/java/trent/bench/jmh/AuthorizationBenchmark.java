package trent.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import trent.domain.grant.Grant;
import trent.domain.grant.GrantConstraints;
import trent.domain.grant.GrantOperation;
import trent.policy.AuthorizationDecision;
import trent.policy.AuthorizationRequest;
import trent.policy.KmsAuthorizer;
import trent.policy.PolicyDocument;
import trent.policy.PolicyType;
import trent.policy.RequestContext;
import trent.storage.GrantRecord;

/**
 * The authorization step of one GenerateDataKeyWithoutPlaintext as {@code trent.ops.Access} takes it
 * (the request context with its condition keys, the grant check, the decision), with AWS's default
 * key policy and no grant, and with the realistic key policy of {@code trent-bench/realistic-key-policy.json}
 * (three statements, two conditions) and one grant with an encryption-context constraint. The
 * difference is what a realistic policy adds to every data-plane request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AuthorizationBenchmark {

  static final String ACCOUNT = "111122223333";
  static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
  static final String KEY = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private final PolicyDocument defaultPolicy = PolicyDocument.defaultKeyPolicy(ACCOUNT);
  private final PolicyDocument realisticPolicy = PolicyDocument.parse(resource("/realistic-key-policy.json"),
      PolicyType.KEY_POLICY);
  private final Map<String, String> context = Map.of("tenant", "t1");
  private final List<Grant> noGrants = List.of();
  private final List<Grant> oneGrant = List.of(new Grant(new GrantRecord("g1", "k1", "us-east-1", null, Instant.EPOCH, ROOT, null,
      ROOT, List.of("GenerateDataKeyWithoutPlaintext", "Decrypt"),
      new GrantConstraints(null, Map.of("tenant", "t1")).encode(), "secret")));
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

  @Benchmark
  public AuthorizationDecision defaultPolicyNoGrant() {
    return authorize(defaultPolicy, noGrants);
  }

  @Benchmark
  public AuthorizationDecision realisticPolicyAndGrant() {
    return authorize(realisticPolicy, oneGrant);
  }

  private AuthorizationDecision authorize(PolicyDocument keyPolicy, List<Grant> grants) {
    RequestContext.Builder b = RequestContext.builder()
        .principal(ROOT, ACCOUNT)
        .action("kms:GenerateDataKeyWithoutPlaintext")
        .resource(KEY);
    // As Access: the condition keys only when a policy of the decision reads them.
    RequestContext request = !keyPolicy.readsConditionKeys() ? b.build() : b
        .currentTime(now)
        .condition("aws:SecureTransport", "false")
        .condition("aws:SourceIp", "127.0.0.1")
        .condition("kms:KeySpec", "SYMMETRIC_DEFAULT")
        .condition("kms:KeyUsage", "ENCRYPT_DECRYPT")
        .condition("kms:CustomerMasterKeySpec", "SYMMETRIC_DEFAULT")
        .condition("kms:CustomerMasterKeyUsage", "ENCRYPT_DECRYPT")
        .condition("kms:KeyOrigin", "AWS_KMS")
        .condition("kms:MultiRegion", "false")
        .encryptionContext(context)
        .condition("kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
        .build();
    boolean grantAllows = false;
    for (Grant g : grants) {
      grantAllows |= g.allows(GrantOperation.GenerateDataKeyWithoutPlaintext, ROOT, context);
    }
    return KmsAuthorizer.authorize(new AuthorizationRequest(request, ACCOUNT, keyPolicy, List.of(), grantAllows));
  }

  private static String resource(String name) {
    try (InputStream in = AuthorizationBenchmark.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
