package trent.domain.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trent.domain.key.KeySpec;
import trent.domain.key.KeyUsage;
import trent.storage.GrantRecord;

class GrantTest {

  static final String WORKER = "arn:aws:iam::111122223333:role/worker";
  static final String RETIRER = "arn:aws:iam::111122223333:role/retirer";
  static final String ROOT = "arn:aws:iam::111122223333:root";

  static Grant grant(List<String> ops, GrantConstraints constraints) {
    return new Grant(new GrantRecord("g1", "k1", "us-east-1", null, Instant.EPOCH, WORKER, RETIRER, ROOT, ops, constraints.encode(),
        "secret"));
  }

  @Test
  void aGrantAllowsItsOperationsToItsGranteeOnly() {
    Grant g = grant(List.of("Decrypt", "DescribeKey"), GrantConstraints.NONE);
    assertThat(g.allows(GrantOperation.Decrypt, WORKER, Map.of())).isTrue();
    assertThat(g.allows(GrantOperation.DescribeKey, WORKER, Map.of())).isTrue();
    assertThat(g.allows(GrantOperation.Encrypt, WORKER, Map.of())).isFalse();
    assertThat(g.allows(GrantOperation.Decrypt, ROOT, Map.of())).isFalse();
  }

  @Test
  void encryptionContextEqualsNeedsExactlyThatContext() {
    Grant g = grant(List.of("Decrypt", "DescribeKey"), new GrantConstraints(Map.of("a", "1"), null));
    assertThat(g.allows(GrantOperation.Decrypt, WORKER, Map.of("a", "1"))).isTrue();
    assertThat(g.allows(GrantOperation.Decrypt, WORKER, Map.of("a", "1", "b", "2"))).isFalse();
    assertThat(g.allows(GrantOperation.Decrypt, WORKER, Map.of("a", "2"))).isFalse();
    assertThat(g.allows(GrantOperation.Decrypt, WORKER, Map.of("A", "1"))).isFalse();
    assertThat(g.allows(GrantOperation.Decrypt, WORKER, Map.of())).isFalse();
    assertThat(g.allows(GrantOperation.DescribeKey, WORKER, Map.of())).as("no context, no constraint").isTrue();
  }

  @Test
  void encryptionContextSubsetNeedsItsPairsAndAllowsMore() {
    Grant g = grant(List.of("GenerateDataKey"), new GrantConstraints(null, Map.of("a", "1")));
    assertThat(g.allows(GrantOperation.GenerateDataKey, WORKER, Map.of("a", "1", "b", "2"))).isTrue();
    assertThat(g.allows(GrantOperation.GenerateDataKey, WORKER, Map.of("b", "2"))).isFalse();
  }

  @Test
  void aChildGrantHasSomeOfItsParentsOperations() {
    Grant parent = grant(List.of("GenerateDataKey", "Decrypt", "CreateGrant"), GrantConstraints.NONE);
    assertThat(parent.covers(List.of(GrantOperation.CreateGrant, GrantOperation.Decrypt), GrantConstraints.NONE)).isTrue();
    assertThat(parent.covers(List.of(GrantOperation.Decrypt, GrantOperation.Encrypt), GrantConstraints.NONE)).isFalse();
    assertThat(parent.covers(List.of(GrantOperation.ReEncryptFrom), GrantConstraints.NONE)).isFalse();
  }

  /** The developer guide's example ("Granting CreateGrant permission") and the rules around it. */
  @Test
  void aChildGrantsConstraintsAreAtLeastAsStrictAsItsParents() {
    GrantConstraints subsetIt = new GrantConstraints(null, Map.of("Department", "IT"));
    GrantConstraints subsetItAlpha = new GrantConstraints(null, Map.of("Department", "IT", "Project", "Alpha"));
    GrantConstraints equalsIt = new GrantConstraints(Map.of("Department", "IT"), null);
    GrantConstraints equalsItAlpha = new GrantConstraints(Map.of("Department", "IT", "Project", "Alpha"), null);
    GrantConstraints equalsHr = new GrantConstraints(Map.of("Department", "HR"), null);
    GrantConstraints subsetAlpha = new GrantConstraints(null, Map.of("Project", "Alpha"));

    assertThat(equalsIt.atLeastAsStrictAs(subsetIt)).as("Subset to Equals").isTrue();
    assertThat(subsetItAlpha.atLeastAsStrictAs(subsetIt)).as("pairs added to a Subset").isTrue();
    assertThat(equalsItAlpha.atLeastAsStrictAs(subsetIt)).isTrue();
    assertThat(subsetIt.atLeastAsStrictAs(subsetIt)).isTrue();
    assertThat(equalsIt.atLeastAsStrictAs(equalsIt)).isTrue();
    assertThat(subsetIt.atLeastAsStrictAs(GrantConstraints.NONE)).isTrue();

    assertThat(subsetIt.atLeastAsStrictAs(equalsIt)).as("Equals to Subset").isFalse();
    assertThat(subsetIt.atLeastAsStrictAs(subsetItAlpha)).as("pairs removed").isFalse();
    assertThat(subsetAlpha.atLeastAsStrictAs(subsetIt)).isFalse();
    assertThat(equalsHr.atLeastAsStrictAs(subsetIt)).isFalse();
    assertThat(equalsItAlpha.atLeastAsStrictAs(equalsIt)).as("another exact context").isFalse();
    assertThat(GrantConstraints.NONE.atLeastAsStrictAs(subsetIt)).as("constraints dropped").isFalse();
  }

  @Test
  void constraintsSurviveTheirStoredForm() {
    GrantConstraints c = new GrantConstraints(Map.of("k", "v — ✓", "a", "\"quoted\""), Map.of("x", ""));
    assertThat(GrantConstraints.decode(c.encode())).isEqualTo(c);
    assertThat(GrantConstraints.decode(null)).isEqualTo(GrantConstraints.NONE);
    assertThat(GrantConstraints.NONE.encode()).isNull();
  }

  @Test
  void retiringIsForTheRetiringPrincipalTheGranteeWithRetireGrantAndTheIssuingRoot() {
    assertThat(grant(List.of("Decrypt"), GrantConstraints.NONE).retirableBy(RETIRER)).isTrue();
    assertThat(grant(List.of("Decrypt"), GrantConstraints.NONE).retirableBy(ROOT)).isTrue();
    assertThat(grant(List.of("Decrypt"), GrantConstraints.NONE).retirableBy(WORKER)).isFalse();
    assertThat(grant(List.of("Decrypt", "RetireGrant"), GrantConstraints.NONE).retirableBy(WORKER)).isTrue();
    assertThat(grant(List.of("Decrypt"), GrantConstraints.NONE).retirableBy("arn:aws:iam::444455556666:root")).isFalse();
  }

  @Test
  void tokensRoundTripAndAnythingElseIsNoToken() {
    String token = GrantTokens.encode("k1", "g1", "secret", "n1");
    assertThat(GrantTokens.parse(token)).contains(new GrantTokens.Parsed("k1", "g1", "secret"));
    assertThat(GrantTokens.encode("k1", "g1", "secret", "n2")).isNotEqualTo(token);
    assertThat(GrantTokens.parse("not-a-token")).isEmpty();
    assertThat(GrantTokens.parse("")).isEmpty();
    assertThat(GrantTokens.parse("!!!")).isEmpty();
    assertThat(GrantTokens.parse(token.substring(0, token.length() - 4))).isEmpty();
  }

  @Test
  void grantOperationsFollowTheKeyType() {
    assertThat(GrantOperation.validFor(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT))
        .contains(GrantOperation.GenerateDataKeyWithoutPlaintext, GrantOperation.Decrypt)
        .doesNotContain(GrantOperation.Sign, GrantOperation.GetPublicKey, GrantOperation.GenerateMac);
    assertThat(GrantOperation.validFor(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC))
        .contains(GrantOperation.GenerateMac, GrantOperation.VerifyMac).doesNotContain(GrantOperation.Decrypt);
    assertThat(GrantOperation.validFor(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY))
        .contains(GrantOperation.Sign, GrantOperation.GetPublicKey).doesNotContain(GrantOperation.Encrypt);
  }
}
