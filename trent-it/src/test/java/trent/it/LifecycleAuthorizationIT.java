package trent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static trent.it.AuthorizationIT.identity;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;
import trent.protocol.Identity;

/**
 * Tags, rotation and GetKeyLastUsage take the authorization step of every operation: a principal
 * whose policies do not allow the action is refused with AWS's AccessDeniedException text, and one
 * allowed only to read rotation status and tags may do just that.
 */
class LifecycleAuthorizationIT {

  static final String A = "111122223333";
  static final Identity ADMIN = identity("AKIAADMIN00000000001", A, "arn:aws:iam::" + A + ":root", null);
  static final Identity READER = identity("AKIAREADER0000000001", A, "arn:aws:iam::" + A + ":role/reader", """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["kms:ListResourceTags", "kms:GetKeyRotationStatus"], "Resource": "*"}]}""");

  static RunningTrent trent;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.withIdentities(List.of(ADMIN, READER));
  }

  @AfterAll
  static void stop() throws Exception {
    trent.close();
  }

  static KmsClient as(Identity identity) {
    return trent.client(Region.US_EAST_1, identity.accessKeyId(), identity.secretAccessKey());
  }

  static void denied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String action, String keyArn) {
    Errors.expect(call, "AccessDeniedException", "User: " + READER.arn() + " is not authorized to perform: " + action
        + " on resource: " + keyArn + " because no identity-based policy allows the " + action + " action");
  }

  @Test
  void eachNewOperationIsAuthorizedForItsOwnAction() {
    try (KmsClient admin = as(ADMIN); KmsClient reader = as(READER)) {
      String keyArn = admin.createKey(r -> r.tags(Tag.builder().tagKey("team").tagValue("x").build()))
          .keyMetadata().arn();
      admin.enableKeyRotation(r -> r.keyId(keyArn));

      assertThat(reader.listResourceTags(r -> r.keyId(keyArn)).tags()).hasSize(1);
      assertThat(reader.getKeyRotationStatus(r -> r.keyId(keyArn)).keyRotationEnabled()).isTrue();

      Tag tag = Tag.builder().tagKey("a").tagValue("b").build();
      denied(() -> reader.tagResource(r -> r.keyId(keyArn).tags(tag)), "kms:TagResource", keyArn);
      denied(() -> reader.untagResource(r -> r.keyId(keyArn).tagKeys("team")), "kms:UntagResource", keyArn);
      denied(() -> reader.enableKeyRotation(r -> r.keyId(keyArn)), "kms:EnableKeyRotation", keyArn);
      denied(() -> reader.disableKeyRotation(r -> r.keyId(keyArn)), "kms:DisableKeyRotation", keyArn);
      denied(() -> reader.rotateKeyOnDemand(r -> r.keyId(keyArn)), "kms:RotateKeyOnDemand", keyArn);
      denied(() -> reader.listKeyRotations(r -> r.keyId(keyArn)), "kms:ListKeyRotations", keyArn);
      denied(() -> reader.getKeyLastUsage(r -> r.keyId(keyArn)), "kms:GetKeyLastUsage", keyArn);

      assertThat(admin.listKeyRotations(r -> r.keyId(keyArn)).rotations()).isEmpty();
      assertThat(admin.listResourceTags(r -> r.keyId(keyArn)).tags()).hasSize(1);
    }
  }
}
