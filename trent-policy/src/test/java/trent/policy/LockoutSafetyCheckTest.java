package trent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trent.policy.KmsAuthorizerTest.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LockoutSafetyCheckTest {

  static Stream<Arguments> keyPolicySide() {
    String adminsOnly = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    String useOnly = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + A + "\"},\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],"
        + "\"Resource\":\"*\"}";
    String putStar = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + DATA + "\"},\"Action\":\"kms:Put*\",\"Resource\":\"*\"}";
    String everyone = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    String denyPut = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:PutKeyPolicy\",\"Resource\":\"*\"}";
    String conditional = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + A + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}";
    String callerAccountCondition = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"" + A + "\"}}}";
    return Stream.of(
        Arguments.of("default policy, root caller", PolicyDocumentParseTest.DEFAULT_POLICY, ROOT_A, true),
        Arguments.of("default policy, user caller (via account)", PolicyDocumentParseTest.DEFAULT_POLICY, ALICE, true),
        Arguments.of("named admin is the caller", wrap(adminsOnly), ALICE, true),
        Arguments.of("named admin is someone else", wrap(adminsOnly), DATA, false),
        Arguments.of("named admin, root caller", wrap(adminsOnly), ROOT_A, false),
        Arguments.of("account may only use the key", wrap(useOnly), ALICE, false),
        Arguments.of("kms:Put* covers PutKeyPolicy", wrap(putStar), DATA, true),
        Arguments.of("everyone", wrap(everyone), DATA, true),
        Arguments.of("explicit deny of PutKeyPolicy", wrap(everyone + "," + denyPut), DATA, false),
        Arguments.of("condition not satisfiable without request keys", wrap(conditional), ALICE, false),
        Arguments.of("condition on caller account", wrap(callerAccountCondition), ALICE, true));
  }

  private static String wrap(String statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyPolicySide")
  void keyPolicySideOfTheCheck(String name, String json, String caller, boolean allows) {
    PolicyDocument doc = PolicyDocument.parse(json, PolicyType.KEY_POLICY);
    assertThat(LockoutSafetyCheck.allowsPutKeyPolicy(doc, caller, A)).isEqualTo(allows);
  }

  @Test
  void fullCheckIncludesTheCallersIdentityPolicies() {
    RequestContext req = RequestContext.builder().principal(ALICE, A).action("kms:CreateKey").resource(KEY).build();
    // Root-only policy: Alice passes only if her IAM policy allows kms:PutKeyPolicy.
    assertThat(LockoutSafetyCheck.allowsPutKeyPolicy(DEFAULT, req, List.of(ALL_KMS))).isTrue();
    assertThat(LockoutSafetyCheck.allowsPutKeyPolicy(DEFAULT, req, List.of(CONTROL_PLANE))).isFalse();
    assertThatThrownBy(() -> LockoutSafetyCheck.check(DEFAULT, req, List.of(CONTROL_PLANE), false))
        .isInstanceOf(PolicyDocumentException.class)
        .hasMessage("The new key policy will not allow you to update the key policy in the future.");
    assertThatCode(() -> LockoutSafetyCheck.check(DEFAULT, req, List.of(CONTROL_PLANE), true)).doesNotThrowAnyException();
  }

  @Test
  void fullCheckUsesTheRequestConditionKeys() {
    PolicyDocument doc = PolicyDocument.parse(wrap("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE + "\"},"
        + "\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}"),
        PolicyType.KEY_POLICY);
    RequestContext inside = RequestContext.builder().principal(ALICE, A).action("kms:PutKeyPolicy").resource(KEY)
        .condition("aws:SourceIp", "10.1.2.3").build();
    RequestContext both = inside.toBuilder().build().toBuilder().condition("aws:SourceIp", "192.0.2.1").build();
    assertThat(LockoutSafetyCheck.allowsPutKeyPolicy(doc, inside, List.of())).isTrue();
    // A single outside IP is refused; two values (no set prefix, positive operator) pass if any matches.
    RequestContext onlyOutside = RequestContext.builder().principal(ALICE, A).action("kms:PutKeyPolicy").resource(KEY)
        .condition("aws:SourceIp", "192.0.2.1").build();
    assertThat(LockoutSafetyCheck.allowsPutKeyPolicy(doc, onlyOutside, List.of())).isFalse();
    assertThat(both.values("aws:sourceip")).containsExactly("10.1.2.3", "192.0.2.1");
    assertThat(inside.values("aws:SourceIp")).containsExactly("10.1.2.3");
    assertThat(LockoutSafetyCheck.allowsPutKeyPolicy(doc, both, List.of())).isTrue();
  }
}
