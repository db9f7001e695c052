package trent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example policies of AWS's KMS developer guide, carried over as data with the decision AWS
 * documents for requests against them (files under {@code src/test/resources/kms-docs/}, one per
 * guide page; each names its page and section).
 *
 * <p>File format: {@code examples[]}, each with a {@code keyPolicy} (a document, or {@code "default"}
 * for AWS's default key policy of account 111122223333), optional {@code identityPolicies}, an optional
 * {@code key} ARN, and {@code cases[]}. A case names the {@code principal} (its account is read from the
 * ARN), the {@code action}, optional {@code context} (condition keys both policy types see; a value or a
 * list), {@code identityContext} (keys only identity policies see: {@code aws:ResourceTag/...},
 * {@code kms:ResourceAliases}), {@code encryptionContext}, {@code grant} (a grant allows it),
 * {@code identityOnly} (an IAM-only action such as {@code kms:CreateKey}, resource {@code *}), its own
 * {@code identityPolicies} overriding the example's, and the expected outcome {@code expect}:
 * {@code allow}, {@code implicitDeny} or {@code explicitDeny}.
 */
class KmsDocumentationVectorsTest {

  static final List<String> FILES = List.of("key-policies.json", "conditions-kms.json", "abac.json");
  static final String DEFAULT_KEY = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  static final ObjectMapper JSON = new ObjectMapper();

  record Vector(String name, JsonNode example, JsonNode testCase) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Vector> vectors() {
    List<Vector> all = new ArrayList<>();
    for (String file : FILES) {
      JsonNode root = read(file);
      for (JsonNode example : root.path("examples")) {
        for (JsonNode c : example.path("cases")) {
          all.add(new Vector(file + ": " + example.path("name").asText() + ": " + c.path("name").asText(), example, c));
        }
      }
    }
    return all.stream();
  }

  static Stream<Arguments> cases() {
    return vectors().map(v -> Arguments.of(v.name(), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesAsTheGuideSays(String name, Vector v) {
    AuthorizationDecision decision = decide(v.example(), v.testCase());
    String expect = v.testCase().path("expect").asText();
    switch (expect) {
      case "allow":
        assertThat(decision.allowed()).as("%s: %s", name, decision.reason()).isTrue();
        break;
      case "explicitDeny":
        assertThat(decision.reason()).as(name)
            .isIn(AuthorizationDecision.Reason.EXPLICIT_DENY_IN_KEY_POLICY,
                AuthorizationDecision.Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY);
        break;
      case "implicitDeny":
        assertThat(decision.reason()).as(name)
            .isIn(AuthorizationDecision.Reason.NO_KEY_POLICY_ALLOWS, AuthorizationDecision.Reason.NO_IDENTITY_POLICY_ALLOWS);
        break;
      default:
        throw new AssertionError(name + ": unknown expectation " + expect);
    }
  }

  @Test
  void theSuiteCoversEveryOutcomeOfManyExamples() {
    List<Vector> all = vectors().toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(25);
    assertThat(all).extracting(v -> v.testCase().path("expect").asText())
        .contains("allow", "implicitDeny", "explicitDeny");
    assertThat(all).allSatisfy(v -> assertThat(v.testCase().path("expect").asText())
        .as(v.name()).isIn("allow", "implicitDeny", "explicitDeny"));
  }

  static AuthorizationDecision decide(JsonNode example, JsonNode c) {
    String principal = c.path("principal").asText();
    String account = principal.split(":")[4];
    boolean identityOnly = c.path("identityOnly").asBoolean(false);
    String key = c.has("key") ? c.path("key").asText() : example.has("key") ? example.path("key").asText() : DEFAULT_KEY;
    RequestContext.Builder b = RequestContext.builder().principal(principal, account)
        .action(c.path("action").asText()).resource(identityOnly ? "*" : key);
    addConditions(b, c.path("context"));
    if (c.has("encryptionContext")) {
      Map<String, String> ec = JSON.convertValue(c.path("encryptionContext"),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
      b.encryptionContext(ec);
    }
    RequestContext request = b.build();
    RequestContext.Builder ib = request.toBuilder();
    addConditions(ib, c.path("identityContext"));
    RequestContext identityRequest = ib.build();
    List<PolicyDocument> identity = new ArrayList<>();
    for (JsonNode p : c.has("identityPolicies") ? c.path("identityPolicies") : example.path("identityPolicies")) {
      identity.add(PolicyDocument.parse(p.toString(), PolicyType.IDENTITY_POLICY));
    }
    if (identityOnly) {
      return KmsAuthorizer.authorizeIdentityOnly(identityRequest, identity);
    }
    JsonNode kp = example.path("keyPolicy");
    String keyAccount = key.split(":")[4];
    PolicyDocument keyPolicy = kp.isTextual() && kp.asText().equals("default")
        ? PolicyDocument.defaultKeyPolicy(keyAccount)
        : PolicyDocument.parse(kp.toString(), PolicyType.KEY_POLICY);
    return KmsAuthorizer.authorize(new AuthorizationRequest(request, keyAccount, keyPolicy, identity,
        c.path("grant").asBoolean(false), identityRequest));
  }

  private static void addConditions(RequestContext.Builder b, JsonNode context) {
    context.fields().forEachRemaining(e -> {
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> b.condition(e.getKey(), v.asText()));
      } else {
        b.condition(e.getKey(), e.getValue().asText());
      }
    });
  }

  private static JsonNode read(String file) {
    try (InputStream in = KmsDocumentationVectorsTest.class.getResourceAsStream("/kms-docs/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource kms-docs/" + file);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
