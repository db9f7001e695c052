package trent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static trent.it.AuthorizationIT.denied;
import static trent.it.AuthorizationIT.identity;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.Tag;
import trent.protocol.Identity;

/**
 * The condition keys issue 5 added, each through the real SDK with one request a policy allows and
 * one it does not: {@code aws:ResourceTag/<key>} and {@code kms:ResourceAliases} (and that a tag or
 * alias change takes effect on the next request), {@code aws:RequestTag/<key>} and
 * {@code aws:TagKeys} on TagResource / UntagResource, {@code kms:GrantIsForAWSResource} on ListGrants
 * and RevokeGrant, {@code kms:ReEncryptOnSameKey}, {@code kms:BypassPolicyLockoutSafetyCheck},
 * {@code kms:EncryptionAlgorithm} on a data key operation, {@code kms:CustomerMasterKeySpec}, and
 * {@code kms:EncryptionContext:<key>} on CreateGrant; then the sub-grant rules. ({@code aws:SecureTransport}
 * is in {@code TlsIT}, the change feed in {@code TwoNodesIT}.)
 */
class ConditionKeysIT {

  static final String A = AuthorizationIT.A;
  static final String KEYS = "arn:aws:kms:*:" + A + ":key/*";

  static final Identity ADMIN = identity("AKIACKADMIN000000001", A, "arn:aws:iam::" + A + ":root", null);
  static final Identity ABAC = identity("AKIACKABAC0000000001", A, "arn:aws:iam::" + A + ":role/abac", """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["kms:Encrypt", "kms:Decrypt"],
        "Resource": "%s", "Condition": {"StringEquals": {"aws:ResourceTag/Project": "Alpha"}}}]}""".formatted(KEYS));
  static final Identity FINANCE = identity("AKIACKFINANCE0000001", A, "arn:aws:iam::" + A + ":role/finance", """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["kms:Encrypt", "kms:DescribeKey"],
        "Resource": "%s", "Condition": {"ForAnyValue:StringEquals": {"kms:ResourceAliases": "alias/finance-key"}}}]}"""
      .formatted(KEYS));
  static final Identity TAGGER = identity("AKIACKTAGGER00000001", A, "arn:aws:iam::" + A + ":role/tagger", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "kms:TagResource", "Resource": "%1$s",
         "Condition": {"StringEquals": {"aws:RequestTag/Project": "Alpha"}}},
        {"Effect": "Allow", "Action": "kms:UntagResource", "Resource": "%1$s",
         "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["Project"]}}}]}""".formatted(KEYS));
  static final Identity GRANTS = identity("AKIACKGRANTS00000001", A, "arn:aws:iam::" + A + ":role/grants", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "kms:ListGrants", "Resource": "%1$s",
         "Condition": {"Bool": {"kms:GrantIsForAWSResource": "false"}}},
        {"Effect": "Allow", "Action": "kms:RevokeGrant", "Resource": "%1$s",
         "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}},
        {"Effect": "Allow", "Action": "kms:CreateGrant", "Resource": "%1$s",
         "Condition": {"StringEquals": {"kms:EncryptionContext:tenant": "t1"}}}]}""".formatted(KEYS));
  static final Identity ROTATOR = identity("AKIACKROTATOR0000001", A, "arn:aws:iam::" + A + ":role/rotator", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "kms:Encrypt", "Resource": "%1$s"},
        {"Effect": "Allow", "Action": "kms:ReEncrypt*", "Resource": "%1$s",
         "Condition": {"Bool": {"kms:ReEncryptOnSameKey": "true"}}}]}""".formatted(KEYS));
  static final Identity POLICIES = identity("AKIACKPOLICIES000001", A, "arn:aws:iam::" + A + ":role/policies", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "kms:*", "Resource": "*"},
        {"Effect": "Deny", "Action": ["kms:CreateKey", "kms:PutKeyPolicy"], "Resource": "*",
         "Condition": {"Bool": {"kms:BypassPolicyLockoutSafetyCheck": true}}}]}""");
  static final Identity DATAKEYS = identity("AKIACKDATAKEYS000001", A, "arn:aws:iam::" + A + ":role/datakeys", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "kms:GenerateDataKeyWithoutPlaintext", "Resource": "%1$s",
         "Condition": {"StringEquals": {"kms:EncryptionAlgorithm": "SYMMETRIC_DEFAULT"}}},
        {"Effect": "Allow", "Action": "kms:GenerateDataKey", "Resource": "%1$s",
         "Condition": {"StringEquals": {"kms:EncryptionAlgorithm": "RSAES_OAEP_SHA_256"}}},
        {"Effect": "Allow", "Action": "kms:DescribeKey", "Resource": "%1$s",
         "Condition": {"StringEquals": {"kms:CustomerMasterKeySpec": "SYMMETRIC_DEFAULT"}}}]}""".formatted(KEYS));
  static final Identity GRANTER = identity("AKIACKGRANTER0000001", A, "arn:aws:iam::" + A + ":role/granter", null);
  static final Identity WORKER = identity("AKIACKWORKER00000001", A, "arn:aws:iam::" + A + ":role/worker", null);

  static RunningTrent trent;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.withIdentities(List.of(ADMIN, ABAC, FINANCE, TAGGER, GRANTS, ROTATOR, POLICIES, DATAKEYS,
        GRANTER, WORKER));
  }

  @AfterAll
  static void stop() throws Exception {
    trent.close();
  }

  static KmsClient as(Identity identity) {
    return trent.client(Region.US_EAST_1, identity.accessKeyId(), identity.secretAccessKey());
  }

  static SdkBytes text(String s) {
    return SdkBytes.fromUtf8String(s);
  }

  @Test
  void aResourceTagAllowsFromTheNextRequestOnAndItsRemovalDenies() {
    try (KmsClient admin = as(ADMIN); KmsClient abac = as(ABAC)) {
      String key = admin.createKey(r -> r.description("abac")).keyMetadata().arn();
      denied(() -> abac.encrypt(r -> r.keyId(key).plaintext(text("x"))), ABAC, "kms:Encrypt", key,
          "no identity-based policy");

      admin.tagResource(r -> r.keyId(key).tags(Tag.builder().tagKey("Project").tagValue("Alpha").build()));
      SdkBytes blob = abac.encrypt(r -> r.keyId(key).plaintext(text("alpha"))).ciphertextBlob();
      assertThat(abac.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("alpha");

      admin.tagResource(r -> r.keyId(key).tags(Tag.builder().tagKey("Project").tagValue("Beta").build()));
      denied(() -> abac.decrypt(r -> r.ciphertextBlob(blob)), ABAC, "kms:Decrypt", key, "no identity-based policy");
      admin.tagResource(r -> r.keyId(key).tags(Tag.builder().tagKey("Project").tagValue("Alpha").build()));
      assertThat(abac.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("alpha");
      admin.untagResource(r -> r.keyId(key).tagKeys("Project"));
      denied(() -> abac.decrypt(r -> r.ciphertextBlob(blob)), ABAC, "kms:Decrypt", key, "no identity-based policy");
    }
  }

  @Test
  void aResourceAliasAllowsWhileItPointsAtTheKey() {
    try (KmsClient admin = as(ADMIN); KmsClient finance = as(FINANCE)) {
      String first = admin.createKey(r -> r.description("finance 1")).keyMetadata().arn();
      String second = admin.createKey(r -> r.description("finance 2")).keyMetadata().arn();
      denied(() -> finance.describeKey(r -> r.keyId(first)), FINANCE, "kms:DescribeKey", first,
          "no identity-based policy");

      admin.createAlias(r -> r.aliasName("alias/finance-key").targetKeyId(first));
      assertThat(finance.encrypt(r -> r.keyId(first).plaintext(text("x"))).keyId())
          .as("by key ARN: the alias is the key's, whatever the request names").isEqualTo(first);

      admin.updateAlias(r -> r.aliasName("alias/finance-key").targetKeyId(second));
      denied(() -> finance.encrypt(r -> r.keyId(first).plaintext(text("x"))), FINANCE, "kms:Encrypt", first,
          "no identity-based policy");
      assertThat(finance.describeKey(r -> r.keyId(second)).keyMetadata().arn()).isEqualTo(second);

      admin.deleteAlias(r -> r.aliasName("alias/finance-key"));
      denied(() -> finance.describeKey(r -> r.keyId(second)), FINANCE, "kms:DescribeKey", second,
          "no identity-based policy");
    }
  }

  @Test
  void requestTagsAndTagKeysLimitTagging() {
    try (KmsClient admin = as(ADMIN); KmsClient tagger = as(TAGGER)) {
      String key = admin.createKey(r -> r.description("tagging")).keyMetadata().arn();
      tagger.tagResource(r -> r.keyId(key).tags(Tag.builder().tagKey("Project").tagValue("Alpha").build()));
      denied(() -> tagger.tagResource(r -> r.keyId(key).tags(Tag.builder().tagKey("Project").tagValue("Beta").build())),
          TAGGER, "kms:TagResource", key, "no identity-based policy");
      denied(() -> tagger.untagResource(r -> r.keyId(key).tagKeys("Project", "Owner")), TAGGER, "kms:UntagResource",
          key, "no identity-based policy");
      tagger.untagResource(r -> r.keyId(key).tagKeys("Project"));
      assertThat(admin.listResourceTags(r -> r.keyId(key)).tags()).isEmpty();
    }
  }

  @Test
  void grantConditionKeysOnListGrantsRevokeGrantAndCreateGrant() {
    try (KmsClient admin = as(ADMIN); KmsClient grants = as(GRANTS)) {
      String key = admin.createKey(r -> r.description("grant keys")).keyMetadata().arn();
      String grantId = admin.createGrant(r -> r.keyId(key).granteePrincipal(WORKER.arn())
          .operations(GrantOperation.DECRYPT)).grantId();

      assertThat(grants.listGrants(r -> r.keyId(key)).grants()).hasSize(1);
      denied(() -> grants.revokeGrant(r -> r.keyId(key).grantId(grantId)), GRANTS, "kms:RevokeGrant", key,
          "no identity-based policy");

      grants.createGrant(r -> r.keyId(key).granteePrincipal(WORKER.arn()).operations(GrantOperation.DECRYPT)
          .constraints(c -> c.encryptionContextSubset(Map.of("tenant", "t1"))));
      denied(() -> grants.createGrant(r -> r.keyId(key).granteePrincipal(WORKER.arn()).operations(GrantOperation.DECRYPT)
          .constraints(c -> c.encryptionContextSubset(Map.of("tenant", "t2")))), GRANTS, "kms:CreateGrant", key,
          "no identity-based policy");
    }
  }

  @Test
  void reEncryptOnTheSameKeyOnly() {
    try (KmsClient admin = as(ADMIN); KmsClient rotator = as(ROTATOR)) {
      String key = admin.createKey(r -> r.description("same")).keyMetadata().arn();
      String other = admin.createKey(r -> r.description("other")).keyMetadata().arn();
      SdkBytes blob = rotator.encrypt(r -> r.keyId(key).plaintext(text("again"))).ciphertextBlob();
      SdkBytes again = rotator.reEncrypt(r -> r.ciphertextBlob(blob).destinationKeyId(key)).ciphertextBlob();
      assertThat(admin.decrypt(r -> r.ciphertextBlob(again)).plaintext().asUtf8String()).isEqualTo("again");
      denied(() -> rotator.reEncrypt(r -> r.ciphertextBlob(blob).destinationKeyId(other)), ROTATOR,
          "kms:ReEncryptFrom", key, "no identity-based policy");
    }
  }

  @Test
  void bypassingTheLockoutCheckIsDeniedAndNotBypassingIsAllowed() {
    try (KmsClient admin = as(ADMIN); KmsClient policies = as(POLICIES)) {
      String key = admin.createKey(r -> r.description("policies")).keyMetadata().arn();
      String policy = AuthorizationIT.allowRootPolicy(A);
      policies.putKeyPolicy(r -> r.keyId(key).policy(policy));
      policies.putKeyPolicy(r -> r.keyId(key).policy(policy).bypassPolicyLockoutSafetyCheck(false));
      denied(() -> policies.putKeyPolicy(r -> r.keyId(key).policy(policy).bypassPolicyLockoutSafetyCheck(true)),
          POLICIES, "kms:PutKeyPolicy", key, "with an explicit deny in an identity-based policy");
      assertThat(policies.createKey(r -> r.policy(policy)).keyMetadata().arn()).isNotEmpty();
      denied(() -> policies.createKey(r -> r.policy(policy).bypassPolicyLockoutSafetyCheck(true)),
          POLICIES, "kms:CreateKey", "*", "with an explicit deny in an identity-based policy");
    }
  }

  @Test
  void dataKeysAreMadeWithSymmetricDefaultAndTheDeprecatedKeySpecKeyStillWorks() {
    try (KmsClient admin = as(ADMIN); KmsClient datakeys = as(DATAKEYS)) {
      String key = admin.createKey(r -> r.description("data keys")).keyMetadata().arn();
      String rsa = admin.createKey(r -> r.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
          .keyMetadata().arn();
      assertThat(datakeys.generateDataKeyWithoutPlaintext(r -> r.keyId(key).keySpec(DataKeySpec.AES_256))
          .ciphertextBlob().asByteArray()).isNotEmpty();
      denied(() -> datakeys.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)), DATAKEYS,
          "kms:GenerateDataKey", key, "no identity-based policy");
      assertThat(datakeys.describeKey(r -> r.keyId(key)).keyMetadata().arn()).isEqualTo(key);
      denied(() -> datakeys.describeKey(r -> r.keyId(rsa)), DATAKEYS, "kms:DescribeKey", rsa,
          "no identity-based policy");
    }
  }

  /**
   * KMS developer guide, "Granting CreateGrant permission": a principal whose CreateGrant permission
   * comes from a grant creates only grants with some of that grant's operations and constraints at
   * least as strict; a principal allowed by a policy is not so limited.
   */
  @Test
  void aGrantsCreateGrantCreatesOnlyNarrowerGrants() {
    try (KmsClient admin = as(ADMIN); KmsClient granter = as(GRANTER); KmsClient worker = as(WORKER)) {
      String key = admin.createKey(r -> r.description("sub-grants")).keyMetadata().arn();
      Map<String, String> it = Map.of("Department", "IT");
      Map<String, String> itAlpha = Map.of("Department", "IT", "Project", "Alpha");
      admin.createGrant(r -> r.keyId(key).granteePrincipal(GRANTER.arn())
          .operations(GrantOperation.GENERATE_DATA_KEY, GrantOperation.DECRYPT, GrantOperation.CREATE_GRANT)
          .constraints(c -> c.encryptionContextSubset(it)));

      // Some of the parent's operations, a Subset turned into an Equals: allowed.
      String child = granter.createGrant(r -> r.keyId(key).granteePrincipal(WORKER.arn())
          .operations(GrantOperation.CREATE_GRANT, GrantOperation.DECRYPT)
          .constraints(c -> c.encryptionContextEquals(it))).grantId();
      // Pairs added to the Subset: allowed.
      granter.createGrant(r -> r.keyId(key).granteePrincipal(WORKER.arn()).operations(GrantOperation.GENERATE_DATA_KEY)
          .constraints(c -> c.encryptionContextSubset(itAlpha)));
      // An operation the parent does not have, and dropped constraints: denied.
      denied(() -> granter.createGrant(r -> r.keyId(key).granteePrincipal(WORKER.arn())
          .operations(GrantOperation.ENCRYPT).constraints(c -> c.encryptionContextSubset(it))),
          GRANTER, "kms:CreateGrant", key, "no identity-based policy");
      denied(() -> granter.createGrant(r -> r.keyId(key).granteePrincipal(WORKER.arn())
          .operations(GrantOperation.DECRYPT)), GRANTER, "kms:CreateGrant", key, "no identity-based policy");

      // The child grant's grantee: an Equals stays an Equals of the same context.
      worker.createGrant(r -> r.keyId(key).granteePrincipal(GRANTER.arn()).operations(GrantOperation.DECRYPT)
          .constraints(c -> c.encryptionContextEquals(it)));
      denied(() -> worker.createGrant(r -> r.keyId(key).granteePrincipal(GRANTER.arn()).operations(GrantOperation.DECRYPT)
          .constraints(c -> c.encryptionContextSubset(it))), WORKER, "kms:CreateGrant", key, "no identity-based policy");
      denied(() -> worker.createGrant(r -> r.keyId(key).granteePrincipal(GRANTER.arn())
          .operations(GrantOperation.GENERATE_DATA_KEY).constraints(c -> c.encryptionContextEquals(it))),
          WORKER, "kms:CreateGrant", key, "no identity-based policy");

      // The key policy allows the account root: it is not limited by any grant.
      admin.createGrant(r -> r.keyId(key).granteePrincipal(WORKER.arn()).operations(GrantOperation.ENCRYPT));
      assertThat(admin.listGrants(r -> r.keyId(key)).grants()).extracting(g -> g.grantId()).contains(child).hasSize(5);
    }
  }
}
