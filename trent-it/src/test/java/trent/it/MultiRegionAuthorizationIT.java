package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Who may replicate a multi-Region key and move its primary, with identities configured:
 * ReplicateKey needs kms:ReplicateKey on the primary and kms:CreateKey (and kms:TagResource with
 * tags) from the caller's identity policy; UpdatePrimaryRegion needs kms:UpdatePrimaryRegion on both
 * copies, each by its own key policy.
 */
class MultiRegionAuthorizationIT {

  static final String A = "111122223333";
  static final Identity ADMIN = identity("AKIAMRKADMIN00000001", "arn:aws:iam::" + A + ":root", null);
  static final Identity REPLICATOR = identity("AKIAMRKREPL000000001", "arn:aws:iam::" + A + ":role/replicator", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["kms:ReplicateKey", "kms:DescribeKey"], "Resource": "*"}]}""");
  static final Identity CREATOR = identity("AKIAMRKCREATE0000001", "arn:aws:iam::" + A + ":role/creator", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["kms:ReplicateKey", "kms:CreateKey"], "Resource": "*"}]}""");

  static RunningTrent trent;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.withIdentities(List.of(ADMIN, REPLICATOR, CREATOR));
  }

  @AfterAll
  static void stop() throws Exception {
    trent.close();
  }

  static Identity identity(String accessKeyId, String arn, String policy) {
    List<PolicyDocument> policies = policy == null ? List.of()
        : List.of(PolicyDocument.parse(policy, PolicyType.IDENTITY_POLICY));
    return new Identity(accessKeyId, accessKeyId.toLowerCase() + "-secret-0123456789abcdefghij", A, arn, policies);
  }

  static KmsClient as(Identity identity, Region region) {
    return trent.client(region, identity.accessKeyId(), identity.secretAccessKey());
  }

  @Test
  void replicateKeyNeedsCreateKeyFromTheCallersIdentityPolicy() {
    try (KmsClient admin = as(ADMIN, Region.US_EAST_1); KmsClient replicator = as(REPLICATOR, Region.US_EAST_1);
        KmsClient creator = as(CREATOR, Region.US_EAST_1)) {
      String keyId = admin.createKey(r -> r.multiRegion(true)).keyMetadata().keyId();

      KmsException denied = Errors.expect(() -> replicator.replicateKey(r -> r.keyId(keyId).replicaRegion("us-west-2")),
          "AccessDeniedException");
      assertThat(denied.awsErrorDetails().errorMessage())
          .startsWith("User: arn:aws:iam::" + A + ":role/replicator is not authorized to perform: kms:CreateKey");

      String replicaArn = creator.replicateKey(r -> r.keyId(keyId).replicaRegion("us-west-2"))
          .replicaKeyMetadata().arn();
      assertThat(replicaArn).isEqualTo("arn:aws:kms:us-west-2:" + A + ":key/" + keyId);
      KmsException untaggable = Errors.expect(() -> creator.replicateKey(r -> r.keyId(keyId)
          .replicaRegion("eu-west-1").tags(t -> t.tagKey("team").tagValue("x"))), "AccessDeniedException");
      assertThat(untaggable.awsErrorDetails().errorMessage())
          .startsWith("User: arn:aws:iam::" + A + ":role/creator is not authorized to perform: kms:TagResource");
    }
  }

  @Test
  void updatePrimaryRegionIsAuthorizedByTheKeyPolicyOfBothCopies() {
    try (KmsClient east = as(ADMIN, Region.US_EAST_1); KmsClient west = as(ADMIN, Region.US_WEST_2)) {
      String keyId = east.createKey(r -> r.multiRegion(true)).keyMetadata().keyId();
      east.replicateKey(r -> r.keyId(keyId).replicaRegion("us-west-2").policy("""
          {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*",
             "Resource": "*"},
            {"Effect": "Deny", "Principal": "*", "Action": "kms:UpdatePrimaryRegion", "Resource": "*"}]}"""));
      String westArn = "arn:aws:kms:us-west-2:" + A + ":key/" + keyId;

      KmsException denied = Errors.expect(() -> east.updatePrimaryRegion(r -> r.keyId(keyId).primaryRegion("us-west-2")),
          "AccessDeniedException");
      assertThat(denied.awsErrorDetails().errorMessage()).contains("kms:UpdatePrimaryRegion")
          .contains(westArn);
      assertThat(west.describeKey(r -> r.keyId(keyId)).keyMetadata().multiRegionConfiguration()
          .multiRegionKeyTypeAsString()).isEqualTo("REPLICA");
    }
  }
}
