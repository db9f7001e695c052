package trent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every condition operator, the set prefixes, IfExists and Null, as one table: a Condition block, the
 * request's values for the key {@code k:key} (none = absent), and whether the condition holds.
 */
class ConditionTest {

  private static Arguments row(String condition, boolean holds, String... requestValues) {
    return Arguments.of(condition, Arrays.asList(requestValues), holds);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // StringEquals: case-sensitive, any of the policy values, absent key false
        row("{\"StringEquals\":{\"k:key\":\"acme\"}}", true, "acme"),
        row("{\"StringEquals\":{\"k:key\":\"acme\"}}", false, "Acme"),
        row("{\"StringEquals\":{\"k:key\":[\"a\",\"acme\"]}}", true, "acme"),
        row("{\"StringEquals\":{\"k:key\":\"acme\"}}", false),
        row("{\"StringEquals\":{\"K:KEY\":\"acme\"}}", true, "acme"),
        row("{\"StringEquals\":{\"k:key\":\"ac*\"}}", false, "acme"),
        row("{\"StringEquals\":{\"k:key\":\"ac*\"}}", true, "ac*"),
        // StringNotEquals: none of the values; absent key true
        row("{\"StringNotEquals\":{\"k:key\":[\"a\",\"b\"]}}", true, "c"),
        row("{\"StringNotEquals\":{\"k:key\":[\"a\",\"b\"]}}", false, "b"),
        row("{\"StringNotEquals\":{\"k:key\":\"a\"}}", true),
        // IgnoreCase
        row("{\"StringEqualsIgnoreCase\":{\"k:key\":\"ACME\"}}", true, "acme"),
        row("{\"StringEqualsIgnoreCase\":{\"k:key\":\"ACME\"}}", false, "acmee"),
        row("{\"StringNotEqualsIgnoreCase\":{\"k:key\":\"ACME\"}}", false, "Acme"),
        row("{\"StringNotEqualsIgnoreCase\":{\"k:key\":\"ACME\"}}", true, "other"),
        // StringLike / StringNotLike
        row("{\"StringLike\":{\"k:key\":\"ac*\"}}", true, "acme"),
        row("{\"StringLike\":{\"k:key\":\"a?me\"}}", true, "acme"),
        row("{\"StringLike\":{\"k:key\":\"a?me\"}}", false, "acmme"),
        row("{\"StringLike\":{\"k:key\":\"AC*\"}}", false, "acme"),
        row("{\"StringLike\":{\"k:key\":\"*\"}}", true, ""),
        row("{\"StringNotLike\":{\"k:key\":\"ac*\"}}", false, "acme"),
        row("{\"StringNotLike\":{\"k:key\":\"ac*\"}}", true, "bcme"),
        row("{\"StringNotLike\":{\"k:key\":\"ac*\"}}", true),
        // Numeric
        row("{\"NumericEquals\":{\"k:key\":\"10\"}}", true, "10.0"),
        row("{\"NumericEquals\":{\"k:key\":10}}", false, "11"),
        row("{\"NumericNotEquals\":{\"k:key\":10}}", true, "11"),
        row("{\"NumericNotEquals\":{\"k:key\":10}}", false, "10"),
        row("{\"NumericLessThan\":{\"k:key\":10}}", true, "9"),
        row("{\"NumericLessThan\":{\"k:key\":10}}", false, "10"),
        row("{\"NumericLessThanEquals\":{\"k:key\":10}}", true, "10"),
        row("{\"NumericGreaterThan\":{\"k:key\":10}}", true, "10.5"),
        row("{\"NumericGreaterThan\":{\"k:key\":10}}", false, "10"),
        row("{\"NumericGreaterThanEquals\":{\"k:key\":10}}", true, "10"),
        row("{\"NumericLessThan\":{\"k:key\":10}}", false, "nine"),
        row("{\"NumericLessThan\":{\"k:key\":10}}", false),
        // Date: ISO 8601 and epoch seconds
        row("{\"DateEquals\":{\"k:key\":\"2020-01-01T00:00:00Z\"}}", true, "1577836800"),
        row("{\"DateEquals\":{\"k:key\":\"2020-01-01\"}}", true, "2020-01-01T00:00:00Z"),
        row("{\"DateNotEquals\":{\"k:key\":\"2020-01-01T00:00:00Z\"}}", true, "2020-01-02T00:00:00Z"),
        row("{\"DateLessThan\":{\"k:key\":\"2020-01-01T00:00:00Z\"}}", true, "2019-12-31T23:59:59Z"),
        row("{\"DateLessThan\":{\"k:key\":\"2020-01-01T00:00:00Z\"}}", false, "2020-01-01T00:00:00Z"),
        row("{\"DateLessThanEquals\":{\"k:key\":\"2020-01-01T00:00:00Z\"}}", true, "2020-01-01T00:00:00Z"),
        row("{\"DateGreaterThan\":{\"k:key\":\"2020-01-01T00:00:00+01:00\"}}", true, "2020-01-01T00:00:00Z"),
        row("{\"DateGreaterThanEquals\":{\"k:key\":\"2020-01-01T00:00:00Z\"}}", false, "2019-06-01T00:00:00Z"),
        // Bool
        row("{\"Bool\":{\"k:key\":\"true\"}}", true, "true"),
        row("{\"Bool\":{\"k:key\":true}}", true, "TRUE"),
        row("{\"Bool\":{\"k:key\":\"true\"}}", false, "false"),
        row("{\"Bool\":{\"k:key\":\"false\"}}", false),
        // BinaryEquals: base64 values
        row("{\"BinaryEquals\":{\"k:key\":\"QmluYXJ5VmFsdWU=\"}}", true, "QmluYXJ5VmFsdWU="),
        row("{\"BinaryEquals\":{\"k:key\":\"QmluYXJ5VmFsdWU=\"}}", false, "T3RoZXI="),
        // Arn operators: six parts, wildcards per part
        row("{\"ArnEquals\":{\"k:key\":\"arn:aws:iam::111122223333:role/R\"}}", true, "arn:aws:iam::111122223333:role/R"),
        row("{\"ArnEquals\":{\"k:key\":\"arn:aws:iam::111122223333:role/R\"}}", false, "arn:aws:iam::111122223333:role/r"),
        row("{\"ArnLike\":{\"k:key\":\"arn:aws:iam::*:role/*\"}}", true, "arn:aws:iam::444455556666:role/App/x"),
        row("{\"ArnLike\":{\"k:key\":\"arn:aws:iam::*:role/*\"}}", false, "arn:aws:iam::444455556666:user/u"),
        row("{\"ArnLike\":{\"k:key\":\"arn:aws:iam::*:role/*\"}}", false, "not-an-arn"),
        row("{\"ArnNotEquals\":{\"k:key\":\"arn:aws:iam::111122223333:role/R\"}}", true, "arn:aws:iam::111122223333:role/S"),
        row("{\"ArnNotLike\":{\"k:key\":\"arn:aws:iam::111122223333:*\"}}", false, "arn:aws:iam::111122223333:root"),
        row("{\"ArnNotLike\":{\"k:key\":\"arn:aws:iam::111122223333:*\"}}", true),
        // Null
        row("{\"Null\":{\"k:key\":\"true\"}}", true),
        row("{\"Null\":{\"k:key\":\"true\"}}", false, "x"),
        row("{\"Null\":{\"k:key\":\"false\"}}", true, "x"),
        row("{\"Null\":{\"k:key\":\"false\"}}", false),
        // IfExists
        row("{\"StringEqualsIfExists\":{\"k:key\":\"acme\"}}", true),
        row("{\"StringEqualsIfExists\":{\"k:key\":\"acme\"}}", true, "acme"),
        row("{\"StringEqualsIfExists\":{\"k:key\":\"acme\"}}", false, "other"),
        row("{\"NumericLessThanIfExists\":{\"k:key\":5}}", true),
        // ForAnyValue / ForAllValues on multi-valued keys
        row("{\"ForAnyValue:StringEquals\":{\"k:key\":[\"Decrypt\",\"Encrypt\"]}}", true, "Sign", "Decrypt"),
        row("{\"ForAnyValue:StringEquals\":{\"k:key\":[\"Decrypt\",\"Encrypt\"]}}", false, "Sign", "Verify"),
        row("{\"ForAnyValue:StringEquals\":{\"k:key\":\"Decrypt\"}}", false),
        row("{\"ForAllValues:StringEquals\":{\"k:key\":[\"Decrypt\",\"Encrypt\"]}}", true, "Encrypt", "Decrypt"),
        row("{\"ForAllValues:StringEquals\":{\"k:key\":[\"Decrypt\",\"Encrypt\"]}}", false, "Encrypt", "Sign"),
        row("{\"ForAllValues:StringEquals\":{\"k:key\":\"Decrypt\"}}", true),
        row("{\"ForAllValues:StringLike\":{\"k:key\":\"tenant*\"}}", true, "tenant", "tenantId"),
        row("{\"ForAnyValue:StringNotEquals\":{\"k:key\":\"a\"}}", true, "a", "b"),
        row("{\"ForAnyValue:StringNotEquals\":{\"k:key\":\"a\"}}", false, "a"),
        row("{\"ForAllValues:StringNotEquals\":{\"k:key\":[\"a\",\"b\"]}}", true, "c", "d"),
        row("{\"ForAllValues:StringNotEquals\":{\"k:key\":[\"a\",\"b\"]}}", false, "c", "a"),
        row("{\"ForAllValues:StringEqualsIfExists\":{\"k:key\":\"a\"}}", true),
        // No prefix on a multi-valued key: any pair matches; negated: none does
        row("{\"StringEquals\":{\"k:key\":\"b\"}}", true, "a", "b"),
        row("{\"StringNotEquals\":{\"k:key\":\"b\"}}", false, "a", "b"));
  }

  @ParameterizedTest(name = "[{index}] {0} with {1} -> {2}")
  @MethodSource("table")
  void conditionHolds(String condition, List<String> requestValues, boolean holds) {
    PolicyDocument doc = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":" + condition + "}]}", PolicyType.IDENTITY_POLICY);
    RequestContext req = RequestContext.builder().principal("arn:aws:iam::111122223333:user/u", "111122223333")
        .action("kms:Decrypt").resource("arn:aws:kms:us-east-1:111122223333:key/k")
        .condition("k:key", requestValues).build();
    assertThat(PolicyEvaluator.evaluateIdentityPolicy(doc, req))
        .isEqualTo(holds ? PolicyOutcome.ALLOW : PolicyOutcome.NOT_APPLICABLE);
  }

  static Stream<Arguments> ipTable() {
    return Stream.of(
        Arguments.of("IpAddress", "203.0.113.0/24", "203.0.113.7", true),
        Arguments.of("IpAddress", "203.0.113.0/24", "203.0.114.7", false),
        Arguments.of("IpAddress", "203.0.113.7", "203.0.113.7", true),
        Arguments.of("IpAddress", "203.0.113.7/32", "203.0.113.8", false),
        Arguments.of("IpAddress", "0.0.0.0/0", "198.51.100.1", true),
        Arguments.of("IpAddress", "10.0.0.0/9", "10.127.255.255", true),
        Arguments.of("IpAddress", "10.0.0.0/9", "10.128.0.0", false),
        Arguments.of("IpAddress", "2001:db8::/32", "2001:db8:1234::1", true),
        Arguments.of("IpAddress", "2001:db8::/32", "2001:db9::1", false),
        Arguments.of("IpAddress", "2001:DB8:0:0:0:0:0:1/128", "2001:db8::1", true),
        Arguments.of("IpAddress", "::ffff:192.0.2.0/120", "::ffff:192.0.2.200", true),
        Arguments.of("IpAddress", "::/0", "fe80::1", true),
        Arguments.of("IpAddress", "203.0.113.0/24", "2001:db8::1", false),
        Arguments.of("IpAddress", "2001:db8::/32", "203.0.113.1", false),
        Arguments.of("IpAddress", "203.0.113.0/24", "not-an-ip", false),
        Arguments.of("IpAddress", "203.0.113.0/24", "example.com", false),
        Arguments.of("NotIpAddress", "203.0.113.0/24", "198.51.100.1", true),
        Arguments.of("NotIpAddress", "203.0.113.0/24", "203.0.113.1", false));
  }

  @ParameterizedTest(name = "{0} {1} contains {2}: {3}")
  @MethodSource("ipTable")
  void ipConditions(String operator, String cidr, String sourceIp, boolean holds) {
    PolicyDocument doc = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\"aws:SourceIp\":\"" + cidr
        + "\"}}}]}", PolicyType.IDENTITY_POLICY);
    RequestContext req = RequestContext.builder().principal("arn:aws:iam::111122223333:user/u", "111122223333")
        .action("kms:Decrypt").resource("arn:aws:kms:us-east-1:111122223333:key/k")
        .condition("aws:SourceIp", sourceIp).build();
    assertThat(PolicyEvaluator.evaluateIdentityPolicy(doc, req))
        .isEqualTo(holds ? PolicyOutcome.ALLOW : PolicyOutcome.NOT_APPLICABLE);
  }

  static Stream<Arguments> invalidIps() {
    return Stream.of("1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4/", "1.2.3.4/x", "1::2::3", "1:2:3:4:5:6:7:8:9",
        "12345::", "g::1", "", "1.2.3.4/33", "::/129").map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("invalidIps")
  void invalidIpBlocksDoNotParse(String text) {
    assertThat(IpRange.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("currentTimeTable")
  void currentTimeFromTheCallersClock(String condition, boolean holds) {
    PolicyDocument doc = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":" + condition + "}]}", PolicyType.IDENTITY_POLICY);
    RequestContext req = RequestContext.builder().principal("arn:aws:iam::111122223333:user/u", "111122223333")
        .action("kms:Decrypt").resource("arn:aws:kms:us-east-1:111122223333:key/k")
        .currentTime(Instant.parse("2024-06-01T12:00:00Z")).build();
    assertThat(PolicyEvaluator.evaluateIdentityPolicy(doc, req))
        .isEqualTo(holds ? PolicyOutcome.ALLOW : PolicyOutcome.NOT_APPLICABLE);
  }

  static Stream<Arguments> currentTimeTable() {
    return Stream.of(
        Arguments.of("{\"DateLessThan\":{\"aws:CurrentTime\":\"2025-01-01T00:00:00Z\"}}", true),
        Arguments.of("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2025-01-01T00:00:00Z\"}}", false),
        Arguments.of("{\"NumericGreaterThan\":{\"aws:EpochTime\":1700000000}}", true));
  }
}
