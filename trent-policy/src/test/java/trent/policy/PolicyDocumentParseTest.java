package trent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentParseTest {

  static final String DEFAULT_POLICY = "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":[{\"Sid\":"
      + "\"Enable IAM User Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
      + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

  @Test
  void parsesTheDefaultKeyPolicy() {
    PolicyDocument doc = PolicyDocument.parse(DEFAULT_POLICY, PolicyType.KEY_POLICY);
    assertThat(doc.version()).contains("2012-10-17");
    assertThat(doc.id()).contains("key-default-1");
    assertThat(doc.json()).isEqualTo(DEFAULT_POLICY);
    Statement s = doc.statements().get(0);
    assertThat(s.sid()).contains("Enable IAM User Permissions");
    assertThat(s.effect()).isEqualTo(Effect.ALLOW);
    assertThat(s.principal()).contains(new PrincipalElement(false,
        List.of(new PolicyPrincipal(PolicyPrincipal.Kind.AWS, "arn:aws:iam::111122223333:root"))));
    assertThat(s.action()).contains(new MatchList(false, List.of("kms:*")));
    assertThat(s.resource()).contains(new MatchList(false, List.of("*")));
    assertThat(s.conditions()).isEmpty();
  }

  @Test
  void defaultKeyPolicyTextIsAwsGetKeyPolicyOutput() {
    String text = PolicyDocument.defaultKeyPolicyJson("111122223333");
    assertThat(text).isEqualTo("{\n  \"Version\" : \"2012-10-17\",\n  \"Id\" : \"key-default-1\",\n"
        + "  \"Statement\" : [ {\n    \"Sid\" : \"Enable IAM User Permissions\",\n    \"Effect\" : \"Allow\",\n"
        + "    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::111122223333:root\"\n    },\n"
        + "    \"Action\" : \"kms:*\",\n    \"Resource\" : \"*\"\n  } ]\n}");
    assertThat(PolicyDocument.defaultKeyPolicy("111122223333").statements()).hasSize(1);
  }

  @Test
  void singleStatementObjectIsAListOfOne() {
    PolicyDocument doc = PolicyDocument.parse(
        "{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}}");
    assertThat(doc.version()).isEmpty();
    assertThat(doc.statements()).hasSize(1);
    assertThat(doc.statements().get(0).effect()).isEqualTo(Effect.DENY);
  }

  @Test
  void principalForms() {
    String json = "{\"Version\":\"2008-10-17\",\"Statement\":["
        + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:role/R\","
        + "\"arn:aws:iam::444455556666:user/u\",\"arn:aws:sts::111122223333:assumed-role/R/s\"]},"
        + "\"Action\":\"kms:*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logs.amazonaws.com\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"arn:aws:iam::111122223333:root\"]},"
        + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    List<Statement> s = PolicyDocument.parse(json, PolicyType.KEY_POLICY).statements();
    assertThat(s.get(0).principal().get().principals().get(0).isWildcard()).isTrue();
    assertThat(s.get(1).principal().get().principals().get(0).isWildcard()).isTrue();
    assertThat(s.get(2).principal().get().principals())
        .containsExactly(new PolicyPrincipal(PolicyPrincipal.Kind.AWS, "arn:aws:iam::111122223333:root"));
    assertThat(s.get(3).principal().get().principals()).hasSize(3);
    assertThat(s.get(4).principal().get().principals())
        .containsExactly(new PolicyPrincipal(PolicyPrincipal.Kind.SERVICE, "logs.amazonaws.com"));
    assertThat(s.get(5).principal().get().negated()).isTrue();
  }

  @Test
  void actionAndResourceForms() {
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Effect\":\"Allow\",\"NotAction\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],\"NotResource\":"
        + "[\"arn:aws:kms:us-east-1:111122223333:key/*\"]}]}";
    Statement s = PolicyDocument.parse(json, PolicyType.IDENTITY_POLICY).statements().get(0);
    assertThat(s.action()).contains(new MatchList(true, List.of("kms:Decrypt", "kms:GenerateDataKey")));
    assertThat(s.resource()).contains(new MatchList(true, List.of("arn:aws:kms:us-east-1:111122223333:key/*")));
    assertThat(s.principal()).isEmpty();
  }

  @Test
  void conditionForms() {
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\","
        + "\"Condition\":{"
        + "\"StringEquals\":{\"kms:EncryptionContext:tenant\":\"acme\",\"kms:CallerAccount\":[\"1\",\"2\"]},"
        + "\"ForAllValues:StringLike\":{\"kms:EncryptionContextKeys\":\"t*\"},"
        + "\"ForAnyValue:StringEqualsIfExists\":{\"kms:GrantOperations\":\"Decrypt\"},"
        + "\"NumericLessThan\":{\"kms:X\":5},"
        + "\"Bool\":{\"aws:SecureTransport\":true},"
        + "\"Null\":{\"kms:Y\":\"true\"}}}]}";
    List<Condition> c = PolicyDocument.parse(json, PolicyType.IDENTITY_POLICY).statements().get(0).conditions();
    assertThat(c).hasSize(7);
    assertThat(c.get(0).operator()).isEqualTo(ConditionOperator.STRING_EQUALS);
    assertThat(c.get(0).key()).isEqualTo("kms:EncryptionContext:tenant");
    assertThat(c.get(1).values()).containsExactly("1", "2");
    assertThat(c.get(2).qualifier()).isEqualTo(SetQualifier.FOR_ALL_VALUES);
    assertThat(c.get(2).operator()).isEqualTo(ConditionOperator.STRING_LIKE);
    assertThat(c.get(3).qualifier()).isEqualTo(SetQualifier.FOR_ANY_VALUE);
    assertThat(c.get(3).ifExists()).isTrue();
    assertThat(c.get(4).values()).containsExactly("5");
    assertThat(c.get(5).values()).containsExactly("true");
    assertThat(c.get(6).operator()).isEqualTo(ConditionOperator.NULL);
  }

  @Test
  void everyOperatorNameParses() {
    for (ConditionOperator op : ConditionOperator.values()) {
      String value;
      switch (op.family()) {
        case NUMERIC: value = "1"; break;
        case DATE: value = "2020-01-01T00:00:00Z"; break;
        case IP: value = "10.0.0.0/8"; break;
        case BOOL: case NULL: value = "true"; break;
        default: value = "x";
      }
      String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\","
          + "\"Resource\":\"*\",\"Condition\":{\"" + op.jsonName() + "\":{\"aws:k\":\"" + value + "\"}}}]}";
      assertThat(PolicyDocument.parse(json).statements().get(0).conditions().get(0).operator()).isEqualTo(op);
    }
  }

  @Test
  void keyPolicyStatementWithoutActionOrResourceIsAcceptedAndHasNoEffect() {
    String json = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"kms:*\"},"
        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Resource\":\"*\"}]}";
    PolicyDocument doc = PolicyDocument.parse(json, PolicyType.KEY_POLICY);
    RequestContext req = RequestContext.builder().principal("arn:aws:iam::111122223333:root", "111122223333")
        .action("kms:Decrypt").resource("arn:aws:kms:us-east-1:111122223333:key/k").build();
    assertThat(PolicyEvaluator.evaluateKeyPolicy(doc, req).outcome()).isEqualTo(PolicyOutcome.NOT_APPLICABLE);
  }

  @Test
  void keyPolicyAtExactly32768BytesIsAccepted() {
    String head = "{\"Statement\":[{\"Sid\":\"";
    String tail = "\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    String json = head + "a".repeat(32768 - head.length() - tail.length()) + tail;
    assertThat(json.length()).isEqualTo(32768);
    assertThat(PolicyDocument.parse(json, PolicyType.KEY_POLICY).statements()).hasSize(1);
  }

  @Test
  void aDocumentTellsWhichConditionKeysItNames() {
    PolicyDocument p = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{"
        + "\"aws:ResourceTag/Project\":\"Alpha\",\"kms:EncryptionContext:user\":\"${aws:username}\"}}}]}",
        PolicyType.IDENTITY_POLICY);
    assertThat(p.mentionsConditionKey("aws:resourcetag/")).isTrue();
    assertThat(p.mentionsConditionKey("AWS:USERNAME")).as("a policy variable").isTrue();
    assertThat(p.mentionsConditionKey("kms:ResourceAliases")).isFalse();
    assertThat(PolicyDocument.defaultKeyPolicy("111122223333").mentionsConditionKey("aws:")).isFalse();
  }

  @Test
  void readsConditionKeysWhenAStatementHasAConditionOrAResourceVariable() {
    String plain = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    String condition = plain.replace("\"Resource\":\"*\"",
        "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}");
    String variable = plain.replace("\"Resource\":\"*\"",
        "\"Resource\":\"arn:aws:kms:*:${aws:PrincipalAccount}:key/*\"");
    String literalDollar = plain.replace("\"Resource\":\"*\"", "\"Resource\":\"arn:aws:kms:*:*:key/${$}\"");
    assertThat(PolicyDocument.parse(plain, PolicyType.KEY_POLICY).readsConditionKeys()).isFalse();
    assertThat(PolicyDocument.defaultKeyPolicy("111122223333").readsConditionKeys()).isFalse();
    assertThat(PolicyDocument.parse(condition, PolicyType.KEY_POLICY).readsConditionKeys()).isTrue();
    assertThat(PolicyDocument.parse(variable, PolicyType.KEY_POLICY).readsConditionKeys()).isTrue();
    assertThat(PolicyDocument.parse(literalDollar, PolicyType.KEY_POLICY).readsConditionKeys()).isFalse();
  }
}
