package trent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActionAndResourceMatchingTest {

  private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  static Stream<Arguments> actions() {
    return Stream.of(
        Arguments.of("kms:GenerateDataKey*", "kms:GenerateDataKey", true),
        Arguments.of("kms:GenerateDataKey*", "kms:GenerateDataKeyWithoutPlaintext", true),
        Arguments.of("kms:GenerateDataKey*", "kms:GenerateDataKeyPair", true),
        Arguments.of("kms:GenerateDataKey*", "kms:GenerateDataKeyPairWithoutPlaintext", true),
        Arguments.of("kms:GenerateDataKey*", "kms:Decrypt", false),
        Arguments.of("kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKey", false),
        Arguments.of("kms:*", "kms:PutKeyPolicy", true),
        Arguments.of("*", "kms:Decrypt", true),
        Arguments.of("kms:decrypt", "kms:Decrypt", true),
        Arguments.of("KMS:DECRYPT", "kms:Decrypt", true),
        Arguments.of("kms:ReEncrypt*", "kms:ReEncryptFrom", true),
        Arguments.of("kms:ReEncrypt*", "kms:ReEncryptTo", true),
        Arguments.of("kms:Re?ncrypt*", "kms:ReEncryptTo", true),
        Arguments.of("kms:List*", "kms:ListGrants", true),
        Arguments.of("kms:Describe*", "kms:DescribeKey", true),
        Arguments.of("s3:*", "kms:Decrypt", false),
        Arguments.of("kms:Decrypt", "kms:DecryptX", false));
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @MethodSource("actions")
  void actionPatterns(String pattern, String action, boolean matches) {
    assertThat(outcome("\"Action\":\"" + pattern + "\",\"Resource\":\"*\"", action, KEY))
        .isEqualTo(matches ? PolicyOutcome.ALLOW : PolicyOutcome.NOT_APPLICABLE);
    // NotAction is the complement.
    assertThat(outcome("\"NotAction\":\"" + pattern + "\",\"Resource\":\"*\"", action, KEY))
        .isEqualTo(matches ? PolicyOutcome.NOT_APPLICABLE : PolicyOutcome.ALLOW);
  }

  static Stream<Arguments> resources() {
    return Stream.of(
        Arguments.of("*", KEY, true),
        Arguments.of(KEY, KEY, true),
        Arguments.of("arn:aws:kms:*:111122223333:key/*", KEY, true),
        Arguments.of("arn:aws:kms:us-east-1:111122223333:*", KEY, true),
        Arguments.of("arn:aws:kms:us-east-1:444455556666:key/*", KEY, false),
        Arguments.of("arn:aws:kms:us-east-1:111122223333:KEY/*", KEY, false),
        Arguments.of("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890a?", KEY, true),
        Arguments.of("arn:aws:kms:us-east-1:${aws:PrincipalAccount}:key/*", KEY, true),
        Arguments.of("arn:aws:kms:us-east-1:${kms:Unknown}:key/*", KEY, false));
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @MethodSource("resources")
  void resourcePatterns(String pattern, String resource, boolean matches) {
    assertThat(outcome("\"Action\":\"kms:Decrypt\",\"Resource\":\"" + pattern + "\"", "kms:Decrypt", resource))
        .isEqualTo(matches ? PolicyOutcome.ALLOW : PolicyOutcome.NOT_APPLICABLE);
    assertThat(outcome("\"Action\":\"kms:Decrypt\",\"NotResource\":\"" + pattern + "\"", "kms:Decrypt", resource))
        .isEqualTo(matches ? PolicyOutcome.NOT_APPLICABLE : PolicyOutcome.ALLOW);
  }

  @ParameterizedTest
  @MethodSource("variableCases")
  void policyVariablesOnlyIn2012Version(String version, boolean matches) {
    PolicyDocument doc = PolicyDocument.parse("{\"Version\":\"" + version + "\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
        + "{\"kms:EncryptionContext:user\":\"${aws:username}\"}}}]}");
    RequestContext req = RequestContext.builder().principal("arn:aws:iam::111122223333:user/bob", "111122223333")
        .action("kms:Decrypt").resource(KEY).condition("aws:username", "bob")
        .condition("kms:EncryptionContext:user", "bob").build();
    assertThat(PolicyEvaluator.evaluateIdentityPolicy(doc, req))
        .isEqualTo(matches ? PolicyOutcome.ALLOW : PolicyOutcome.NOT_APPLICABLE);
  }

  static Stream<Arguments> variableCases() {
    return Stream.of(Arguments.of("2012-10-17", true), Arguments.of("2008-10-17", false));
  }

  @ParameterizedTest
  @MethodSource("escapeCases")
  void variableValuesAreLiteralNotWildcards(String username, boolean matches) {
    PolicyDocument doc = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringLike\":"
        + "{\"kms:EncryptionContext:path\":\"home/${aws:username}/*\"}}}]}");
    RequestContext req = RequestContext.builder().principal("arn:aws:iam::111122223333:user/x", "111122223333")
        .action("kms:Decrypt").resource(KEY).condition("aws:username", username)
        .condition("kms:EncryptionContext:path", "home/bob/file").build();
    assertThat(PolicyEvaluator.evaluateIdentityPolicy(doc, req))
        .isEqualTo(matches ? PolicyOutcome.ALLOW : PolicyOutcome.NOT_APPLICABLE);
  }

  static Stream<Arguments> escapeCases() {
    return Stream.of(Arguments.of("bob", true), Arguments.of("*", false), Arguments.of("b?b", false));
  }

  private static PolicyOutcome outcome(String elements, String action, String resource) {
    PolicyDocument doc = PolicyDocument.parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"," + elements + "}]}", PolicyType.IDENTITY_POLICY);
    RequestContext req = RequestContext.builder().principal("arn:aws:iam::111122223333:user/u", "111122223333")
        .action(action).resource(resource).build();
    return PolicyEvaluator.evaluateIdentityPolicy(doc, req);
  }
}
