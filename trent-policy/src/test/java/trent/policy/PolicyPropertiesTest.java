package trent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests over randomly generated key policies, identity policies and requests (seeded, so
 * every run checks the same cases): an explicit deny always wins; removing an Allow statement never
 * widens access; adding a Deny statement never widens access; documents that read no condition key
 * decide the same without them.
 */
class PolicyPropertiesTest {

  private static final String A = "111122223333";
  private static final String B = "444455556666";
  private static final String KEY = "arn:aws:kms:us-east-1:" + A + ":key/k1";
  private static final String[] CALLERS = {
      "arn:aws:iam::" + A + ":root", "arn:aws:iam::" + A + ":user/alice", "arn:aws:iam::" + A + ":role/R",
      "arn:aws:iam::" + B + ":user/bob", "arn:aws:iam::" + B + ":root"};
  private static final String[] PRINCIPALS = {
      "\"*\"", "{\"AWS\":\"" + A + "\"}", "{\"AWS\":\"arn:aws:iam::" + A + ":user/alice\"}",
      "{\"AWS\":\"arn:aws:iam::" + A + ":role/R\"}", "{\"AWS\":\"" + B + "\"}",
      "{\"AWS\":\"arn:aws:iam::" + B + ":user/bob\"}"};
  private static final String[] ACTIONS = {
      "kms:*", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:GenerateDataKeyWithoutPlaintext", "*"};
  private static final String[] REQUEST_ACTIONS = {
      "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:PutKeyPolicy"};
  private static final String[] CONDITIONS = {
      "", ",\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:tenant\":\"acme\"}}",
      ",\"Condition\":{\"StringNotEquals\":{\"kms:CallerAccount\":\"" + A + "\"}}",
      ",\"Condition\":{\"ForAllValues:StringEquals\":{\"kms:EncryptionContextKeys\":[\"tenant\"]}}"};

  private final Random random = new Random(20240601L);

  @Test
  void explicitDenyAlwaysWins() {
    for (int i = 0; i < 2000; i++) {
      List<String> key = statements(true, 1 + random.nextInt(4));
      List<String> identity = statements(false, random.nextInt(3));
      String caller = pick(CALLERS);
      String action = pick(REQUEST_ACTIONS);
      Map<String, String> ec = random.nextBoolean() ? Map.of("tenant", "acme") : Map.of();
      boolean grants = random.nextBoolean();
      // A Deny matching this request exactly, in either policy, must deny.
      String deny = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}";
      List<String> keyWithDeny = new ArrayList<>(key);
      keyWithDeny.add(random.nextInt(keyWithDeny.size() + 1), deny);
      AuthorizationDecision d = decide(keyWithDeny, identity, caller, action, ec, grants);
      assertThat(d.allowed()).as("key deny %s %s %s", keyWithDeny, caller, action).isFalse();
      assertThat(d.reason()).isEqualTo(AuthorizationDecision.Reason.EXPLICIT_DENY_IN_KEY_POLICY);

      List<String> identityWithDeny = new ArrayList<>(identity);
      identityWithDeny.add("{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}");
      AuthorizationDecision e = decide(key, identityWithDeny, caller, action, ec, grants);
      assertThat(e.allowed()).isFalse();
    }
  }

  @Test
  void removingAnAllowNeverWidensAndAddingADenyNeverWidens() {
    for (int i = 0; i < 2000; i++) {
      List<String> key = statements(true, 2 + random.nextInt(4));
      List<String> identity = statements(false, 1 + random.nextInt(3));
      String caller = pick(CALLERS);
      String action = pick(REQUEST_ACTIONS);
      Map<String, String> ec = random.nextBoolean() ? Map.of("tenant", "acme") : Map.of();
      boolean before = decide(key, identity, caller, action, ec, false).allowed();

      List<String> fewerKey = new ArrayList<>(key);
      int at = random.nextInt(fewerKey.size());
      if (fewerKey.get(at).contains("\"Allow\"")) {
        fewerKey.remove(at);
        if (!fewerKey.isEmpty() && decide(fewerKey, identity, caller, action, ec, false).allowed()) {
          assertThat(before).as("removed key allow %s", key.get(at)).isTrue();
        }
      }
      List<String> fewerIdentity = new ArrayList<>(identity);
      int j = random.nextInt(fewerIdentity.size());
      if (fewerIdentity.get(j).contains("\"Allow\"")) {
        fewerIdentity.remove(j);
        if (decide(key, fewerIdentity, caller, action, ec, false).allowed()) {
          assertThat(before).isTrue();
        }
      }
      List<String> moreKey = new ArrayList<>(key);
      moreKey.add(statement(true).replace("\"Allow\"", "\"Deny\""));
      if (decide(moreKey, identity, caller, action, ec, false).allowed()) {
        assertThat(before).isTrue();
      }
    }
  }

  @Test
  void documentsThatReadNoConditionKeyDecideTheSameWithoutThem() {
    int conditionFree = 0;
    for (int i = 0; i < 2000; i++) {
      List<String> key = statements(true, 1 + random.nextInt(3));
      List<String> identity = statements(false, random.nextInt(3));
      PolicyDocument kp = PolicyDocument.parse(doc(key), PolicyType.KEY_POLICY);
      List<PolicyDocument> ip = identity.isEmpty() ? List.of()
          : List.of(PolicyDocument.parse(doc(identity), PolicyType.IDENTITY_POLICY));
      boolean reads = kp.readsConditionKeys() || ip.stream().anyMatch(PolicyDocument::readsConditionKeys);
      assertThat(reads).as("%s %s", key, identity)
          .isEqualTo((key + "" + identity).contains("\"Condition\""));
      if (reads) {
        continue;
      }
      conditionFree++;
      String caller = pick(CALLERS);
      String account = caller.substring(13, 25);
      String action = pick(REQUEST_ACTIONS);
      boolean grants = random.nextBoolean();
      RequestContext full = RequestContext.builder().principal(caller, account).action(action).resource(KEY)
          .encryptionContext(Map.of("tenant", "acme")).currentTime(java.time.Instant.EPOCH)
          .condition("aws:SourceIp", "192.0.2.1").condition("kms:KeySpec", "SYMMETRIC_DEFAULT").build();
      RequestContext bare = RequestContext.builder().principal(caller, account).action(action).resource(KEY).build();
      AuthorizationDecision withKeys = KmsAuthorizer.authorize(new AuthorizationRequest(full, A, kp, ip, grants));
      AuthorizationDecision without = KmsAuthorizer.authorize(new AuthorizationRequest(bare, A, kp, ip, grants));
      assertThat(without.allowed()).isEqualTo(withKeys.allowed());
      assertThat(without.reason()).isEqualTo(withKeys.reason());
    }
    assertThat(conditionFree).as("cases without conditions").isGreaterThan(50);
  }

  private AuthorizationDecision decide(List<String> key, List<String> identity, String caller, String action,
      Map<String, String> ec, boolean grants) {
    PolicyDocument kp = PolicyDocument.parse(doc(key), PolicyType.KEY_POLICY);
    List<PolicyDocument> ip = identity.isEmpty() ? List.of() : List.of(PolicyDocument.parse(doc(identity), PolicyType.IDENTITY_POLICY));
    String account = caller.substring(13, 25);
    RequestContext req = RequestContext.builder().principal(caller, account).action(action).resource(KEY)
        .encryptionContext(ec).build();
    return KmsAuthorizer.authorize(new AuthorizationRequest(req, A, kp, ip, grants));
  }

  private List<String> statements(boolean withPrincipal, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(statement(withPrincipal));
    }
    return out;
  }

  private String statement(boolean withPrincipal) {
    String effect = random.nextInt(5) == 0 ? "Deny" : "Allow";
    return "{\"Effect\":\"" + effect + "\"" + (withPrincipal ? ",\"Principal\":" + pick(PRINCIPALS) : "")
        + ",\"Action\":\"" + pick(ACTIONS) + "\",\"Resource\":\"*\"" + pick(CONDITIONS) + "}";
  }

  private static String doc(List<String> statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
