package trent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static trent.policy.AuthorizationDecision.Reason.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KmsAuthorizerTest {

  static final String A = "111122223333";
  static final String B = "444455556666";
  static final String KEY = "arn:aws:kms:us-east-1:" + A + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
  static final String ROOT_A = "arn:aws:iam::" + A + ":root";
  static final String ROOT_B = "arn:aws:iam::" + B + ":root";
  static final String CONTROL = "arn:aws:iam::" + A + ":role/ControlPlane";
  static final String DATA = "arn:aws:iam::" + A + ":role/DataPlane";
  static final String ALICE = "arn:aws:iam::" + A + ":user/alice";
  static final String BOB_B = "arn:aws:iam::" + B + ":user/bob";

  static final PolicyDocument DEFAULT = PolicyDocument.parse(PolicyDocumentParseTest.DEFAULT_POLICY, PolicyType.KEY_POLICY);

  static PolicyDocument identity(String statements) {
    return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", PolicyType.IDENTITY_POLICY);
  }

  static PolicyDocument keyPolicy(String statements) {
    return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", PolicyType.KEY_POLICY);
  }

  static final PolicyDocument CONTROL_PLANE = identity("{\"Effect\":\"Allow\",\"Action\":"
      + "[\"kms:GenerateDataKeyWithoutPlaintext\",\"kms:DescribeKey\"],\"Resource\":\"" + KEY + "\"}");
  static final PolicyDocument DATA_PLANE = identity("{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
      + "\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:tenant\":\"acme\"}}}");
  static final PolicyDocument ALL_KMS = identity("{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}");

  static AuthorizationDecision decide(String caller, String callerAccount, String action, PolicyDocument keyPolicy,
      List<PolicyDocument> identity, boolean grants, Map<String, String> encryptionContext) {
    RequestContext req = RequestContext.builder().principal(caller, callerAccount).action(action).resource(KEY)
        .encryptionContext(encryptionContext).build();
    return KmsAuthorizer.authorize(new AuthorizationRequest(req, A, keyPolicy, identity, grants));
  }

  static Arguments row(String name, String caller, String account, String action, PolicyDocument keyPolicy,
      List<PolicyDocument> identity, boolean grants, Map<String, String> ec, AuthorizationDecision.Reason expected) {
    return Arguments.of(name, caller, account, action, keyPolicy, identity, grants, ec, expected);
  }

  static Stream<Arguments> scenarios() {
    PolicyDocument denyDecryptInKey = keyPolicy(PolicyDocumentParseTest.DEFAULT_POLICY.substring(
        PolicyDocumentParseTest.DEFAULT_POLICY.indexOf("[{") + 1, PolicyDocumentParseTest.DEFAULT_POLICY.lastIndexOf(']'))
        + ",{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
    PolicyDocument aliceOnly = keyPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE + "\"},"
        + "\"Action\":[\"kms:Decrypt\",\"kms:PutKeyPolicy\"],\"Resource\":\"*\"}");
    PolicyDocument crossAccount = keyPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ROOT_A + "\"},"
        + "\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + B + "\"},"
        + "\"Action\":[\"kms:Decrypt\",\"kms:DescribeKey\"],\"Resource\":\"*\"}");
    PolicyDocument crossAccountBob = keyPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ROOT_A + "\"},"
        + "\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + BOB_B + "\"},"
        + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
    PolicyDocument denyAllButAccountA = keyPolicy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\","
        + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringNotEquals\":{\"kms:CallerAccount\":\"" + A + "\"}}}");
    PolicyDocument denyAccountA = keyPolicy(PolicyDocumentParseTest.DEFAULT_POLICY.substring(
        PolicyDocumentParseTest.DEFAULT_POLICY.indexOf("[{") + 1, PolicyDocumentParseTest.DEFAULT_POLICY.lastIndexOf(']'))
        + ",{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + A + "\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
    Map<String, String> acme = Map.of("tenant", "acme");
    Map<String, String> other = Map.of("tenant", "globex");
    Map<String, String> none = Map.of();
    PolicyDocument denyDecryptIdentity = identity("{\"Effect\":\"Deny\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
    return Stream.of(
        // The seed's separation: control plane only GenerateDataKeyWithoutPlaintext (+ DescribeKey).
        row("control plane may GenerateDataKeyWithoutPlaintext", CONTROL, A, "kms:GenerateDataKeyWithoutPlaintext",
            DEFAULT, List.of(CONTROL_PLANE), false, none, ALLOWED_BY_KEY_POLICY_AND_IDENTITY_POLICY),
        row("control plane may DescribeKey", CONTROL, A, "kms:DescribeKey", DEFAULT, List.of(CONTROL_PLANE), false, none,
            ALLOWED_BY_KEY_POLICY_AND_IDENTITY_POLICY),
        row("control plane may not Decrypt", CONTROL, A, "kms:Decrypt", DEFAULT, List.of(CONTROL_PLANE), false, none,
            NO_IDENTITY_POLICY_ALLOWS),
        row("control plane may not GenerateDataKey", CONTROL, A, "kms:GenerateDataKey", DEFAULT, List.of(CONTROL_PLANE),
            false, none, NO_IDENTITY_POLICY_ALLOWS),
        row("control plane may not Encrypt", CONTROL, A, "kms:Encrypt", DEFAULT, List.of(CONTROL_PLANE), false, none,
            NO_IDENTITY_POLICY_ALLOWS),
        row("control plane may not ReEncryptFrom", CONTROL, A, "kms:ReEncryptFrom", DEFAULT, List.of(CONTROL_PLANE),
            false, none, NO_IDENTITY_POLICY_ALLOWS),
        row("control plane may not CreateGrant", CONTROL, A, "kms:CreateGrant", DEFAULT, List.of(CONTROL_PLANE), false,
            none, NO_IDENTITY_POLICY_ALLOWS),
        row("control plane may not PutKeyPolicy", CONTROL, A, "kms:PutKeyPolicy", DEFAULT, List.of(CONTROL_PLANE), false,
            none, NO_IDENTITY_POLICY_ALLOWS),
        // Data plane: Decrypt only under tenant=acme.
        row("data plane decrypts acme", DATA, A, "kms:Decrypt", DEFAULT, List.of(DATA_PLANE), false, acme,
            ALLOWED_BY_KEY_POLICY_AND_IDENTITY_POLICY),
        row("data plane may not decrypt globex", DATA, A, "kms:Decrypt", DEFAULT, List.of(DATA_PLANE), false, other,
            NO_IDENTITY_POLICY_ALLOWS),
        row("data plane may not decrypt without context", DATA, A, "kms:Decrypt", DEFAULT, List.of(DATA_PLANE), false,
            none, NO_IDENTITY_POLICY_ALLOWS),
        row("data plane may not GenerateDataKey", DATA, A, "kms:GenerateDataKey", DEFAULT, List.of(DATA_PLANE), false,
            acme, NO_IDENTITY_POLICY_ALLOWS),
        // Default key policy: the root may do everything; identity policies decide for the others.
        row("root with default policy", ROOT_A, A, "kms:Decrypt", DEFAULT, List.of(), false, none, ALLOWED_BY_KEY_POLICY),
        row("user without identity policy", ALICE, A, "kms:Decrypt", DEFAULT, List.of(), false, none,
            NO_IDENTITY_POLICY_ALLOWS),
        row("user with kms:*", ALICE, A, "kms:ScheduleKeyDeletion", DEFAULT, List.of(ALL_KMS), false, none,
            ALLOWED_BY_KEY_POLICY_AND_IDENTITY_POLICY),
        // Key policy that names a user and does not delegate.
        row("named user allowed without identity policy", ALICE, A, "kms:Decrypt", aliceOnly, List.of(), false, none,
            ALLOWED_BY_KEY_POLICY),
        row("identity policy alone is not enough", DATA, A, "kms:Decrypt", aliceOnly, List.of(ALL_KMS), false, acme,
            NO_KEY_POLICY_ALLOWS),
        row("root not named is denied", ROOT_A, A, "kms:Decrypt", aliceOnly, List.of(), false, none, NO_KEY_POLICY_ALLOWS),
        // Grants are an extra allow source, never above an explicit deny.
        row("grant allows without policies", DATA, A, "kms:Decrypt", aliceOnly, List.of(), true, none, ALLOWED_BY_GRANT),
        row("grant allows where identity does not", CONTROL, A, "kms:Decrypt", DEFAULT, List.of(CONTROL_PLANE), true,
            none, ALLOWED_BY_GRANT),
        row("explicit key-policy deny beats grant", ALICE, A, "kms:Decrypt", denyDecryptInKey, List.of(ALL_KMS), true,
            none, EXPLICIT_DENY_IN_KEY_POLICY),
        // Explicit deny precedence.
        row("key-policy deny beats identity allow", ALICE, A, "kms:Decrypt", denyDecryptInKey, List.of(ALL_KMS), false,
            none, EXPLICIT_DENY_IN_KEY_POLICY),
        row("key-policy deny is per action", ALICE, A, "kms:Encrypt", denyDecryptInKey, List.of(ALL_KMS), false, none,
            ALLOWED_BY_KEY_POLICY_AND_IDENTITY_POLICY),
        row("identity deny beats key-policy allow", ALICE, A, "kms:Decrypt", aliceOnly, List.of(denyDecryptIdentity),
            false, none, EXPLICIT_DENY_IN_IDENTITY_POLICY),
        row("identity deny beats identity allow", ALICE, A, "kms:Decrypt", DEFAULT,
            List.of(ALL_KMS, denyDecryptIdentity), false, none, EXPLICIT_DENY_IN_IDENTITY_POLICY),
        row("deny on the account denies its users", ALICE, A, "kms:Decrypt", denyAccountA, List.of(ALL_KMS), false, none,
            EXPLICIT_DENY_IN_KEY_POLICY),
        row("conditional deny for other accounts", BOB_B, B, "kms:Decrypt", denyAllButAccountA, List.of(ALL_KMS), false,
            none, EXPLICIT_DENY_IN_KEY_POLICY),
        row("conditional deny spares own account", ALICE, A, "kms:Decrypt", denyAllButAccountA, List.of(), false, none,
            ALLOWED_BY_KEY_POLICY),
        // Cross-account: both sides needed.
        row("cross-account with both", BOB_B, B, "kms:Decrypt", crossAccount, List.of(ALL_KMS), false, none,
            ALLOWED_BY_KEY_POLICY_AND_IDENTITY_POLICY),
        row("cross-account without identity policy", BOB_B, B, "kms:Decrypt", crossAccount, List.of(), false, none,
            NO_IDENTITY_POLICY_ALLOWS),
        row("cross-account action not in key policy", BOB_B, B, "kms:Encrypt", crossAccount, List.of(ALL_KMS), false,
            none, NO_KEY_POLICY_ALLOWS),
        row("cross-account with default policy", BOB_B, B, "kms:Decrypt", DEFAULT, List.of(ALL_KMS), false, none,
            NO_KEY_POLICY_ALLOWS),
        row("cross-account named principal still needs identity", BOB_B, B, "kms:Decrypt", crossAccountBob, List.of(),
            false, none, NO_IDENTITY_POLICY_ALLOWS),
        row("cross-account named principal with identity", BOB_B, B, "kms:Decrypt", crossAccountBob, List.of(ALL_KMS),
            false, none, ALLOWED_BY_KEY_POLICY_AND_IDENTITY_POLICY),
        row("foreign root needs no identity policy", ROOT_B, B, "kms:Decrypt", crossAccount, List.of(), false, none,
            ALLOWED_BY_KEY_POLICY_AND_IDENTITY_POLICY),
        row("cross-account grant", BOB_B, B, "kms:Encrypt", crossAccount, List.of(), true, none, ALLOWED_BY_GRANT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void decision(String name, String caller, String account, String action, PolicyDocument keyPolicy,
      List<PolicyDocument> identity, boolean grants, Map<String, String> ec, AuthorizationDecision.Reason expected) {
    AuthorizationDecision d = decide(caller, account, action, keyPolicy, identity, grants, ec);
    assertThat(d.reason()).isEqualTo(expected);
    assertThat(d.allowed()).isEqualTo(expected.allows());
  }

  @Test
  void accessDeniedMessages() {
    assertThat(decide(CONTROL, A, "kms:Decrypt", DEFAULT, List.of(CONTROL_PLANE), false, Map.of()).accessDeniedMessage())
        .isEqualTo("User: arn:aws:iam::111122223333:role/ControlPlane is not authorized to perform: kms:Decrypt on "
            + "resource: " + KEY + " because no identity-based policy allows the kms:Decrypt action");
    assertThat(new AuthorizationDecision(NO_KEY_POLICY_ALLOWS, DATA, "kms:GenerateDataKey", KEY).accessDeniedMessage())
        .isEqualTo("User: " + DATA + " is not authorized to perform: kms:GenerateDataKey on resource: " + KEY
            + " because no resource-based policy allows the kms:GenerateDataKey action");
    assertThat(new AuthorizationDecision(EXPLICIT_DENY_IN_KEY_POLICY, DATA, "kms:Decrypt", KEY).accessDeniedMessage())
        .isEqualTo("User: " + DATA + " is not authorized to perform: kms:Decrypt on resource: " + KEY
            + " with an explicit deny in a resource-based policy");
    assertThat(new AuthorizationDecision(EXPLICIT_DENY_IN_IDENTITY_POLICY, DATA, "kms:Decrypt", KEY).accessDeniedMessage())
        .isEqualTo("User: " + DATA + " is not authorized to perform: kms:Decrypt on resource: " + KEY
            + " with an explicit deny in an identity-based policy");
  }

  @Test
  void assumedRoleSessionMatchesItsRole() {
    PolicyDocument kp = keyPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + A
        + ":role/path/DataPlane\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
    assertThat(decide("arn:aws:sts::" + A + ":assumed-role/DataPlane/session-1", A, "kms:Decrypt", kp, List.of(),
        false, Map.of()).reason()).isEqualTo(ALLOWED_BY_KEY_POLICY);
    assertThat(decide("arn:aws:sts::" + A + ":assumed-role/Other/session-1", A, "kms:Decrypt", kp, List.of(),
        false, Map.of()).reason()).isEqualTo(NO_KEY_POLICY_ALLOWS);
  }

  @Test
  void notPrincipalDenyExemptsOnlyListedPrincipalWithItsAccount() {
    PolicyDocument kp = keyPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + A + "\"},\"Action\":\"kms:*\","
        + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"" + ALICE + "\",\"" + A + "\"]},"
        + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
    assertThat(decide(ALICE, A, "kms:Decrypt", kp, List.of(ALL_KMS), false, Map.of()).allowed()).isTrue();
    assertThat(decide(DATA, A, "kms:Decrypt", kp, List.of(ALL_KMS), false, Map.of()).reason())
        .isEqualTo(EXPLICIT_DENY_IN_KEY_POLICY);
    PolicyDocument withoutAccount = keyPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + A + "\"},"
        + "\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"" + ALICE + "\"},"
        + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
    assertThat(decide(ALICE, A, "kms:Decrypt", withoutAccount, List.of(ALL_KMS), false, Map.of()).reason())
        .isEqualTo(EXPLICIT_DENY_IN_KEY_POLICY);
  }

  @Test
  void keyPolicyConditionsOnCallerAccountAndViaService() {
    PolicyDocument kp = keyPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Decrypt\","
        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"" + A + "\"}}},"
        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Encrypt\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"}}}");
    assertThat(decide(ALICE, A, "kms:Decrypt", kp, List.of(), false, Map.of()).reason()).isEqualTo(ALLOWED_BY_KEY_POLICY);
    assertThat(decide(BOB_B, B, "kms:Decrypt", kp, List.of(ALL_KMS), false, Map.of()).reason())
        .isEqualTo(NO_KEY_POLICY_ALLOWS);
    // kms:ViaService is never present in Trent's requests.
    assertThat(decide(ALICE, A, "kms:Encrypt", kp, List.of(), false, Map.of()).reason()).isEqualTo(NO_KEY_POLICY_ALLOWS);
  }

  @Test
  void identityOnlyActions() {
    RequestContext req = RequestContext.builder().principal(ALICE, A).action("kms:CreateKey").resource("*").build();
    assertThat(KmsAuthorizer.authorizeIdentityOnly(req, List.of(ALL_KMS)).reason()).isEqualTo(ALLOWED_BY_IDENTITY_POLICY);
    assertThat(KmsAuthorizer.authorizeIdentityOnly(req, List.of(CONTROL_PLANE)).reason())
        .isEqualTo(NO_IDENTITY_POLICY_ALLOWS);
    RequestContext root = RequestContext.builder().principal(ROOT_A, A).action("kms:CreateKey").resource("*").build();
    assertThat(KmsAuthorizer.authorizeIdentityOnly(root, List.of()).allowed()).isTrue();
  }

  /** The grant layer is asked only when the policies leave the decision open, and then once. */
  @Test
  void grantsAreAskedOnlyWhenThePoliciesDoNotDecide() {
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.BooleanSupplier grants = () -> {
      asked.incrementAndGet();
      return true;
    };
    RequestContext root = RequestContext.builder().principal(ROOT_A, A).action("kms:Decrypt").resource(KEY).build();
    assertThat(KmsAuthorizer.authorize(new AuthorizationRequest(root, A, DEFAULT, List.of(), grants, root)).reason())
        .isEqualTo(ALLOWED_BY_KEY_POLICY);
    assertThat(asked).hasValue(0);
    RequestContext alice = RequestContext.builder().principal(ALICE, A).action("kms:Decrypt").resource(KEY).build();
    assertThat(KmsAuthorizer.authorize(new AuthorizationRequest(alice, A, DEFAULT, List.of(), grants, alice)).reason())
        .isEqualTo(ALLOWED_BY_GRANT);
    assertThat(asked).hasValue(1);
    PolicyDocument denyAlice = identity("{\"Effect\":\"Deny\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
    assertThat(KmsAuthorizer.authorize(new AuthorizationRequest(alice, A, DEFAULT, List.of(denyAlice), grants, alice))
        .reason()).isEqualTo(EXPLICIT_DENY_IN_IDENTITY_POLICY);
    assertThat(asked).hasValue(1);
  }
}
