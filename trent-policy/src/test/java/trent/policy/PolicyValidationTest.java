package trent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trent.policy.PolicyDocumentException.*;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every refusal, with AWS's error code and text (sources in {@link PolicyDocumentException}). */
class PolicyValidationTest {

  private static final String OK_STATEMENT =
      "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";

  private static String keyPolicy(String statement) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
  }

  static Stream<Arguments> keyPolicyErrors() {
    return Stream.of(
        Arguments.of("not JSON", "This is not a json document", SYNTAX_ERRORS),
        Arguments.of("truncated JSON", "{\"Statement\":[", SYNTAX_ERRORS),
        Arguments.of("trailing content", keyPolicy(OK_STATEMENT) + " {}", SYNTAX_ERRORS),
        Arguments.of("array at top", "[" + OK_STATEMENT + "]", SYNTAX_ERRORS),
        Arguments.of("empty string", "", SYNTAX_ERRORS),
        Arguments.of("duplicate key", "{\"Statement\":[" + OK_STATEMENT + "],\"Statement\":[]}", SYNTAX_ERRORS),
        Arguments.of("unknown top-level element", "{\"Foo\":1,\"Statement\":[" + OK_STATEMENT + "]}", SYNTAX_ERRORS),
        Arguments.of("unknown version", "{\"Version\":\"2020-01-01\",\"Statement\":[" + OK_STATEMENT + "]}", SYNTAX_ERRORS),
        Arguments.of("version not a string", "{\"Version\":2012,\"Statement\":[" + OK_STATEMENT + "]}", SYNTAX_ERRORS),
        Arguments.of("no Statement", "{\"Version\":\"2012-10-17\"}", SYNTAX_ERRORS),
        Arguments.of("empty Statement list", "{\"Statement\":[]}", SYNTAX_ERRORS),
        Arguments.of("Statement a string", "{\"Statement\":\"x\"}", SYNTAX_ERRORS),
        Arguments.of("statement not an object", keyPolicy("\"x\""), SYNTAX_ERRORS),
        Arguments.of("unknown statement element", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\",\"Foo\":1}"), SYNTAX_ERRORS),
        Arguments.of("lower-case element name", keyPolicy(
            "{\"effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}"), SYNTAX_ERRORS),
        Arguments.of("missing Effect", keyPolicy(
            "{\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}"), SYNTAX_ERRORS),
        Arguments.of("unknown Effect", keyPolicy(
            "{\"Effect\":\"Permit\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}"), SYNTAX_ERRORS),
        Arguments.of("Effect in wrong case", keyPolicy(
            "{\"Effect\":\"allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}"), LEGACY_PARSING),
        Arguments.of("Action and NotAction", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"NotAction\":\"kms:X\",\"Resource\":\"*\"}"),
            SYNTAX_ERRORS),
        Arguments.of("Resource and NotResource", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\",\"NotResource\":\"*\"}"),
            SYNTAX_ERRORS),
        Arguments.of("Principal and NotPrincipal", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"NotPrincipal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
            SYNTAX_ERRORS),
        Arguments.of("Action a number", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":1,\"Resource\":\"*\"}"), SYNTAX_ERRORS),
        Arguments.of("Action list with a number", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"kms:*\",1],\"Resource\":\"*\"}"), SYNTAX_ERRORS),
        Arguments.of("no principal", keyPolicy(
            "{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}"), NO_PRINCIPAL),
        Arguments.of("principal string other than *", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"arn:aws:iam::111122223333:root\",\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
            INVALID_PRINCIPALS),
        Arguments.of("principal not an ARN", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"bob\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
            INVALID_PRINCIPALS),
        Arguments.of("principal unique id", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"AIDACKCEVSQ6C2EXAMPLE\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
            INVALID_PRINCIPALS),
        Arguments.of("wildcard in principal ARN", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/*\"},\"Action\":\"kms:*\","
                + "\"Resource\":\"*\"}"), INVALID_PRINCIPALS),
        Arguments.of("11-digit account", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"11112222333\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
            INVALID_PRINCIPALS),
        Arguments.of("unknown principal type", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"Group\":\"x\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
            INVALID_PRINCIPALS),
        Arguments.of("federated principal", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"cognito-identity.amazonaws.com\"},\"Action\":\"kms:*\","
                + "\"Resource\":\"*\"}"), INVALID_PRINCIPALS),
        Arguments.of("empty principal list", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[]},\"Action\":\"kms:*\",\"Resource\":\"*\"}"), SYNTAX_ERRORS),
        Arguments.of("duplicate Sid", keyPolicy(
            "{\"Sid\":\"a\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"a\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
            DUPLICATE_SID),
        Arguments.of("action without vendor", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"Decrypt\",\"Resource\":\"*\"}"), ACTION_VENDOR),
        Arguments.of("action with two colons", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt:x\",\"Resource\":\"*\"}"), ACTION_COLONS),
        Arguments.of("bad vendor", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"k ms:Decrypt\",\"Resource\":\"*\"}"),
            "Vendor k ms is not valid"),
        Arguments.of("resource not an ARN", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"mykey\"}"),
            "Resource mykey must be in ARN format or \"*\"."),
        Arguments.of("unknown condition operator", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringMatches\":{\"kms:CallerAccount\":\"1\"}}}"), SYNTAX_ERRORS),
        Arguments.of("operator name in wrong case", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"stringequals\":{\"kms:CallerAccount\":\"1\"}}}"), SYNTAX_ERRORS),
        Arguments.of("condition key without vendor", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"CallerAccount\":\"1\"}}}"), ACTION_VENDOR),
        Arguments.of("condition value an object", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":{\"a\":1}}}}"), SYNTAX_ERRORS),
        Arguments.of("numeric value not a number", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"NumericLessThan\":{\"kms:X\":\"ten\"}}}"), SYNTAX_ERRORS),
        Arguments.of("date value not a date", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"tomorrow\"}}}"), SYNTAX_ERRORS),
        Arguments.of("IP value not an address", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/33\"}}}"), SYNTAX_ERRORS),
        Arguments.of("Null value not a boolean", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Null\":{\"kms:X\":\"maybe\"}}}"), SYNTAX_ERRORS),
        Arguments.of("double set prefix", keyPolicy(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"ForAnyValue:ForAllValues:StringEquals\":{\"kms:X\":\"a\"}}}"), SYNTAX_ERRORS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyPolicyErrors")
  void keyPolicyRefusal(String name, String json, String message) {
    assertThatThrownBy(() -> PolicyDocument.parse(json, PolicyType.KEY_POLICY))
        .isInstanceOfSatisfying(PolicyDocumentException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(MALFORMED_POLICY_DOCUMENT);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }

  static Stream<Arguments> identityPolicyErrors() {
    String stmt = "{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}";
    return Stream.of(
        Arguments.of("no version", "{\"Statement\":[" + stmt + "]}", IDENTITY_POLICY_VERSION),
        Arguments.of("2008 version", "{\"Version\":\"2008-10-17\",\"Statement\":[" + stmt + "]}", IDENTITY_POLICY_VERSION),
        Arguments.of("principal", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}", IDENTITY_POLICY_PRINCIPAL),
        Arguments.of("no action", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}",
            MISSING_ACTION),
        Arguments.of("empty action list", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[],"
            + "\"Resource\":\"*\"}]}", MISSING_ACTION),
        Arguments.of("no resource", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"kms:Decrypt\"}]}", MISSING_RESOURCE),
        Arguments.of("syntax", "{", SYNTAX_ERRORS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identityPolicyErrors")
  void identityPolicyRefusal(String name, String json, String message) {
    assertThatThrownBy(() -> PolicyDocument.parse(json, PolicyType.IDENTITY_POLICY))
        .isInstanceOfSatisfying(PolicyDocumentException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(MALFORMED_POLICY_DOCUMENT);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }

  @Test
  void keyPolicyOver32768BytesIsLimitExceeded() {
    String head = "{\"Statement\":[{\"Sid\":\"";
    String tail = "\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    String json = head + "a".repeat(32769 - head.length() - tail.length()) + tail;
    assertThatThrownBy(() -> PolicyDocument.parse(json, PolicyType.KEY_POLICY))
        .isInstanceOfSatisfying(PolicyDocumentException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(LIMIT_EXCEEDED);
          assertThat(e.getMessage()).isEqualTo(KEY_POLICY_TOO_LARGE);
        });
  }

  @Test
  void sizeIsCountedInUtf8Bytes() {
    // 16385 two-byte characters: 16385 chars, over 32768 bytes.
    String json = "{\"Statement\":[{\"Sid\":\"" + "\u00e9".repeat(16385)
        + "\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    assertThatThrownBy(() -> PolicyDocument.parse(json, PolicyType.KEY_POLICY))
        .isInstanceOfSatisfying(PolicyDocumentException.class, e -> assertThat(e.errorCode()).isEqualTo(LIMIT_EXCEEDED));
  }

  @Test
  void principalThatDoesNotExistIsAnInvalidPrincipal() {
    String json = keyPolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"111122223333\","
        + "\"arn:aws:iam::111122223333:role/Gone\"]},\"Action\":\"kms:*\",\"Resource\":\"*\"}");
    assertThatThrownBy(() -> PolicyDocument.parseKeyPolicy(json, arn -> arn.endsWith(":root")))
        .hasMessage(INVALID_PRINCIPALS);
    assertThat(PolicyDocument.parseKeyPolicy(json, arn -> true).statements()).hasSize(1);
  }

  @Test
  void lockoutErrorCarriesAwsText() {
    PolicyDocumentException e = PolicyDocumentException.lockout();
    assertThat(e.errorCode()).isEqualTo(MALFORMED_POLICY_DOCUMENT);
    assertThat(e.getMessage()).isEqualTo("The new key policy will not allow you to update the key policy in the future.");
  }

  @Test
  void anyStringIsEitherParsedOrRefusedWithPolicyDocumentException() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "{}[]\":,*?$ aAsS0129-:/\\\nVersionStatementEffectAllowDenyPrincipalActionResourceCondition";
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(80);
      for (int k = 0; k < n; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        PolicyDocument.parse(sb.toString(), PolicyType.KEY_POLICY);
      } catch (PolicyDocumentException expected) {
        assertThat(expected.getMessage()).isNotNull();
      }
    }
  }
}
