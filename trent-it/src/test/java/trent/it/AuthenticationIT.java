package trent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import trent.policy.PolicyDocument;
import trent.policy.PolicyType;
import trent.protocol.Identity;

/** With identities configured, every request must be signed by one of them. */
class AuthenticationIT {

  static final Identity ALICE = new Identity("AKIAALICEEXAMPLE0001", "alice-secret-0123456789abcdefghijklmnopqrs",
      "444455556666", "arn:aws:iam::444455556666:user/alice", List.of(PolicyDocument.parse(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}",
          PolicyType.IDENTITY_POLICY)));
  static final Identity BOB = new Identity("AKIABOBEXAMPLE000002", "bob-secret-0123456789abcdefghijklmnopqrstu",
      "777788889999", "arn:aws:iam::777788889999:role/bob");

  static RunningTrent trent;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.withIdentities(List.of(ALICE, BOB));
  }

  @AfterAll
  static void stop() throws Exception {
    trent.close();
  }

  static KmsClient as(Identity identity) {
    return trent.client(Region.EU_WEST_1, identity.accessKeyId(), identity.secretAccessKey());
  }

  @Test
  void aSignedRequestActsInItsIdentitysAccount() {
    try (KmsClient alice = as(ALICE); KmsClient bob = as(BOB)) {
      String arn = alice.createKey(r -> r.description("alice's")).keyMetadata().arn();
      assertThat(arn).startsWith("arn:aws:kms:eu-west-1:444455556666:key/");
      // Another account's key ARN now finds the key, and its key policy (the default: only alice's
      // account) denies bob; a bare key id still means bob's own account.
      Errors.expect(() -> bob.describeKey(r -> r.keyId(arn)), "AccessDeniedException",
          "User: arn:aws:iam::777788889999:role/bob is not authorized to perform: kms:DescribeKey on resource: " + arn
              + " because no resource-based policy allows the kms:DescribeKey action");
      String keyId = arn.substring(arn.indexOf("key/") + 4);
      assertThatThrownBy(() -> bob.describeKey(r -> r.keyId(keyId)))
          .isInstanceOf(software.amazon.awssdk.services.kms.model.NotFoundException.class);
    }
  }

  @Test
  void aWrongSecretIsAnInvalidSignature() {
    try (KmsClient forged = trent.client(Region.EU_WEST_1, ALICE.accessKeyId(), "not-alice-secret")) {
      assertThatThrownBy(forged::listKeys)
          .isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.statusCode()).isEqualTo(400);
          });
    }
  }

  @Test
  void anUnknownAccessKeyIsAnUnrecognizedClient() {
    try (KmsClient stranger = trent.client(Region.EU_WEST_1, "AKIASTRANGER00000000", "whatever")) {
      assertThatThrownBy(stranger::listKeys)
          .isInstanceOfSatisfying(KmsException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
    }
  }
}
