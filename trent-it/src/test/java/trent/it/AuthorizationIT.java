package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import trent.policy.PolicyDocument;
import trent.policy.PolicyType;
import trent.protocol.Identity;

/**
 * Authorization through the real SDK with identities configured (issue 5, item 5): the control
 * plane never obtains a plaintext key, encryption-context conditions, grants with their tokens,
 * explicit deny, and cross-account use.
 */
class AuthorizationIT {

  static final String A = "111122223333";
  static final String B = "444455556666";

  static final Identity ADMIN = identity("AKIAADMIN00000000001", A, "arn:aws:iam::" + A + ":root", null);
  static final Identity CONTROL = identity("AKIACONTROL000000001", A, "arn:aws:iam::" + A + ":role/control-plane", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"], "Resource": "*"}]}""");
  static final Identity DATA = identity("AKIADATA000000000001", A, "arn:aws:iam::" + A + ":role/data-plane", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
         "Condition": {"StringEquals": {"kms:EncryptionContext:tenant": "t1"}}}]}""");
  static final Identity WORKER = identity("AKIAWORKER0000000001", A, "arn:aws:iam::" + A + ":role/worker", null);
  static final Identity APP = identity("AKIAAPP0000000000001", A, "arn:aws:iam::" + A + ":role/app", """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}""");
  static final Identity B_APP = identity("AKIABAPP000000000001", B, "arn:aws:iam::" + B + ":role/b-app", """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"], "Resource": "arn:aws:kms:*:111122223333:key/*"}]}""");
  static final Identity VERIFIER = identity("AKIAVERIFIER00000001", A, "arn:aws:iam::" + A + ":role/verifier", """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "kms:GetPublicKey", "Resource": "*"},
        {"Effect": "Allow", "Action": "kms:Verify", "Resource": "*",
         "Condition": {"StringEquals": {"kms:SigningAlgorithm": "RSASSA_PSS_SHA_256"}}}]}""");
  static final Identity B_NONE = identity("AKIABNONE00000000001", B, "arn:aws:iam::" + B + ":role/b-none", null);

  static RunningTrent trent;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.withIdentities(List.of(ADMIN, CONTROL, DATA, WORKER, APP, B_APP, VERIFIER, B_NONE));
  }

  @AfterAll
  static void stop() throws Exception {
    trent.close();
  }

  @Test
  void theControlPlaneGetsCiphertextBlobsAndNeverAPlaintextKey() {
    try (KmsClient admin = as(ADMIN); KmsClient control = as(CONTROL)) {
      String keyArn = admin.createKey(r -> r.description("envelopes")).keyMetadata().arn();

      GenerateDataKeyWithoutPlaintextResponse sealed = control.generateDataKeyWithoutPlaintext(
          r -> r.keyId(keyArn).keySpec(DataKeySpec.AES_256).encryptionContext(Map.of("tenant", "t1")));
      assertThat(sealed.ciphertextBlob().asByteArray()).isNotEmpty();
      assertThat(control.describeKey(r -> r.keyId(keyArn)).keyMetadata().arn()).isEqualTo(keyArn);

      SdkBytes blob = sealed.ciphertextBlob();
      denied(() -> control.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("tenant", "t1"))),
          CONTROL, "kms:Decrypt", keyArn, "no identity-based policy");
      denied(() -> control.generateDataKey(r -> r.keyId(keyArn).keySpec(DataKeySpec.AES_256)),
          CONTROL, "kms:GenerateDataKey", keyArn, "no identity-based policy");
      denied(() -> control.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("x"))),
          CONTROL, "kms:Encrypt", keyArn, "no identity-based policy");
      denied(() -> control.reEncrypt(r -> r.ciphertextBlob(blob).sourceEncryptionContext(Map.of("tenant", "t1"))
          .destinationKeyId(keyArn)), CONTROL, "kms:ReEncryptFrom", keyArn, "no identity-based policy");
      denied(() -> control.createGrant(r -> r.keyId(keyArn).granteePrincipal(CONTROL.arn())
          .operations(GrantOperation.DECRYPT)), CONTROL, "kms:CreateGrant", keyArn, "no identity-based policy");
      denied(() -> control.putKeyPolicy(r -> r.keyId(keyArn).policy(allowRootPolicy(A))),
          CONTROL, "kms:PutKeyPolicy", keyArn, "no identity-based policy");
    }
  }

  @Test
  void theDataPlaneDecryptsOnlyItsTenantsDataKeys() {
    try (KmsClient admin = as(ADMIN); KmsClient control = as(CONTROL); KmsClient data = as(DATA)) {
      String keyArn = admin.createKey(r -> r.description("tenants")).keyMetadata().arn();
      SdkBytes t1 = control.generateDataKeyWithoutPlaintext(r -> r.keyId(keyArn).numberOfBytes(32)
          .encryptionContext(Map.of("tenant", "t1"))).ciphertextBlob();
      SdkBytes t2 = control.generateDataKeyWithoutPlaintext(r -> r.keyId(keyArn).numberOfBytes(32)
          .encryptionContext(Map.of("tenant", "t2"))).ciphertextBlob();

      assertThat(data.decrypt(r -> r.ciphertextBlob(t1).encryptionContext(Map.of("tenant", "t1"))).plaintext()
          .asByteArray()).hasSize(32);
      denied(() -> data.decrypt(r -> r.ciphertextBlob(t2).encryptionContext(Map.of("tenant", "t2"))),
          DATA, "kms:Decrypt", keyArn, "no identity-based policy");
      // Claiming t1 for t2's blob passes authorization and then fails the blob's binding to its context.
      Errors.expect(() -> data.decrypt(r -> r.ciphertextBlob(t2).encryptionContext(Map.of("tenant", "t1"))),
          "InvalidCiphertextException");
    }
  }

  @Test
  void aGrantWithAnEncryptionContextConstraintWorksWithItsTokenUntilRevoked() {
    try (KmsClient admin = as(ADMIN); KmsClient worker = as(WORKER)) {
      String keyArn = admin.createKey(r -> r.description("granted")).keyMetadata().arn();
      Map<String, String> backup = Map.of("purpose", "backup");
      denied(() -> worker.generateDataKey(r -> r.keyId(keyArn).numberOfBytes(16).encryptionContext(backup)),
          WORKER, "kms:GenerateDataKey", keyArn, "no identity-based policy");

      CreateGrantResponse grant = admin.createGrant(r -> r.keyId(keyArn).granteePrincipal(WORKER.arn())
          .operations(GrantOperation.GENERATE_DATA_KEY, GrantOperation.DECRYPT).name("backup-worker")
          .constraints(c -> c.encryptionContextEquals(backup)));
      String token = grant.grantToken();

      SdkBytes blob = worker.generateDataKey(r -> r.keyId(keyArn).numberOfBytes(16).encryptionContext(backup)
          .grantTokens(token)).ciphertextBlob();
      assertThat(worker.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(backup)).plaintext().asByteArray())
          .hasSize(16);
      denied(() -> worker.generateDataKey(r -> r.keyId(keyArn).numberOfBytes(16)
          .encryptionContext(Map.of("purpose", "backup", "extra", "x")).grantTokens(token)),
          WORKER, "kms:GenerateDataKey", keyArn, "no identity-based policy");
      denied(() -> worker.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("x")).encryptionContext(backup)),
          WORKER, "kms:Encrypt", keyArn, "no identity-based policy");

      assertThat(admin.createGrant(r -> r.keyId(keyArn).granteePrincipal(WORKER.arn())
          .operations(GrantOperation.DECRYPT, GrantOperation.GENERATE_DATA_KEY).name("backup-worker")
          .constraints(c -> c.encryptionContextEquals(backup))).grantId())
          .as("same name and parameters: the same grant").isEqualTo(grant.grantId());
      List<GrantListEntry> listed = admin.listGrants(r -> r.keyId(keyArn)).grants();
      assertThat(listed).singleElement().satisfies(g -> {
        assertThat(g.grantId()).isEqualTo(grant.grantId());
        assertThat(g.keyId()).isEqualTo(keyArn);
        assertThat(g.granteePrincipal()).isEqualTo(WORKER.arn());
        assertThat(g.issuingAccount()).isEqualTo("arn:aws:iam::" + A + ":root");
        assertThat(g.operations()).containsExactly(GrantOperation.GENERATE_DATA_KEY, GrantOperation.DECRYPT);
        assertThat(g.constraints().encryptionContextEquals()).isEqualTo(backup);
      });

      admin.revokeGrant(r -> r.keyId(keyArn).grantId(grant.grantId()));

      Errors.expect(() -> worker.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(backup).grantTokens(token)),
          "InvalidGrantTokenException");
      denied(() -> worker.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(backup)),
          WORKER, "kms:Decrypt", keyArn, "no identity-based policy");
      assertThat(admin.listGrants(r -> r.keyId(keyArn)).grants()).isEmpty();
      Errors.expect(() -> admin.revokeGrant(r -> r.keyId(keyArn).grantId(grant.grantId())), "NotFoundException",
          "Grant ID " + grant.grantId() + " not found");
    }
  }

  @Test
  void anIdentityAllowedOnlyToVerifySignsOnlyThroughAGrantForSign() {
    try (KmsClient admin = as(ADMIN); KmsClient verifier = as(VERIFIER)) {
      String keyArn = admin.createKey(r -> r.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY))
          .keyMetadata().arn();
      SdkBytes message = SdkBytes.fromUtf8String("signed by the admin");
      SdkBytes signature = admin.sign(r -> r.keyId(keyArn).message(message)
          .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)).signature();

      assertThat(verifier.getPublicKey(r -> r.keyId(keyArn)).keyUsage()).isEqualTo(KeyUsageType.SIGN_VERIFY);
      assertThat(verifier.verify(r -> r.keyId(keyArn).message(message).signature(signature)
          .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)).signatureValid()).isTrue();
      denied(() -> verifier.verify(r -> r.keyId(keyArn).message(message).signature(signature)
          .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)),
          VERIFIER, "kms:Verify", keyArn, "no identity-based policy");
      denied(() -> verifier.sign(r -> r.keyId(keyArn).message(message)
          .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)),
          VERIFIER, "kms:Sign", keyArn, "no identity-based policy");

      String token = admin.createGrant(r -> r.keyId(keyArn).granteePrincipal(VERIFIER.arn())
          .operations(GrantOperation.SIGN).name("verifier-signs")).grantToken();
      SdkBytes own = verifier.sign(r -> r.keyId(keyArn).message(message)
          .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256).grantTokens(token)).signature();
      assertThat(verifier.verify(r -> r.keyId(keyArn).message(message).signature(own)
          .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)).signatureValid()).isTrue();
      Errors.expect(() -> verifier.generateMac(r -> r.keyId(keyArn).message(message)
          .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).grantTokens(token)), "AccessDeniedException");
    }
  }

  @Test
  void aMalformedGrantTokenIsRefused() {
    try (KmsClient admin = as(ADMIN)) {
      String keyArn = admin.createKey(r -> r.description("tokens")).keyMetadata().arn();
      Errors.expect(() -> admin.generateDataKeyWithoutPlaintext(r -> r.keyId(keyArn).numberOfBytes(16)
          .grantTokens("not-a-grant-token")), "InvalidGrantTokenException", "The grant token is not valid.");
    }
  }

  @Test
  void theGranteeMayRetireItsGrantWhenRetireGrantIsListedAndOthersMayNot() {
    try (KmsClient admin = as(ADMIN); KmsClient worker = as(WORKER); KmsClient app = as(APP)) {
      String keyArn = admin.createKey(r -> r.description("retire")).keyMetadata().arn();
      CreateGrantResponse grant = admin.createGrant(r -> r.keyId(keyArn).granteePrincipal(WORKER.arn())
          .retiringPrincipal(APP.arn()).operations(GrantOperation.ENCRYPT, GrantOperation.RETIRE_GRANT));

      assertThat(app.listRetirableGrants(r -> r.retiringPrincipal(APP.arn())).grants())
          .extracting(GrantListEntry::grantId).contains(grant.grantId());
      Errors.expect(() -> as(B_NONE).retireGrant(r -> r.grantToken(grant.grantToken())), "AccessDeniedException",
          "User: " + B_NONE.arn() + " is not authorized to perform: kms:RetireGrant on resource: " + keyArn);
      worker.retireGrant(r -> r.grantToken(grant.grantToken()));
      assertThat(admin.listGrants(r -> r.keyId(keyArn)).grants()).isEmpty();
    }
  }

  @Test
  void anExplicitDenyInTheKeyPolicyBeatsAnAllowInTheIdentityPolicy() {
    try (KmsClient admin = as(ADMIN); KmsClient app = as(APP)) {
      String policy = """
          {"Version": "2012-10-17", "Statement": [
            {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
            {"Sid": "No decrypt for app", "Effect": "Deny",
             "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "kms:Decrypt", "Resource": "*"}]}""";
      String keyArn = admin.createKey(r -> r.policy(policy)).keyMetadata().arn();

      SdkBytes blob = app.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("secret"))).ciphertextBlob();
      denied(() -> app.decrypt(r -> r.ciphertextBlob(blob)), APP, "kms:Decrypt", keyArn,
          "with an explicit deny in a resource-based policy");
      assertThat(admin.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("secret");
    }
  }

  @Test
  void accountBUsesAccountAsKeyOnlyWhenBothPoliciesAllowIt() {
    try (KmsClient admin = as(ADMIN); KmsClient bApp = as(B_APP); KmsClient bNone = as(B_NONE)) {
      String shared = admin.createKey(r -> r.policy("""
          {"Version": "2012-10-17", "Statement": [
            {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
            {"Sid": "Account B may use the key", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
             "Action": ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"], "Resource": "*"}]}""")).keyMetadata().arn();
      admin.createAlias(r -> r.aliasName("alias/shared").targetKeyId(shared));
      String aliasArn = "arn:aws:kms:us-east-1:" + A + ":alias/shared";

      SdkBytes blob = bApp.encrypt(r -> r.keyId(shared).plaintext(SdkBytes.fromUtf8String("across"))).ciphertextBlob();
      assertThat(bApp.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("across");
      assertThat(bApp.encrypt(r -> r.keyId(aliasArn).plaintext(SdkBytes.fromUtf8String("x"))).keyId()).isEqualTo(shared);
      String bareId = shared.substring(shared.indexOf("key/") + 4);
      Errors.expect(() -> bApp.encrypt(r -> r.keyId(bareId).plaintext(SdkBytes.fromUtf8String("x"))),
          "NotFoundException", "Key 'arn:aws:kms:us-east-1:" + B + ":key/" + bareId + "' does not exist");
      denied(() -> bNone.encrypt(r -> r.keyId(shared).plaintext(SdkBytes.fromUtf8String("x"))),
          B_NONE, "kms:Encrypt", shared, "no identity-based policy");

      String notShared = admin.createKey(r -> r.description("A only")).keyMetadata().arn();
      denied(() -> bApp.encrypt(r -> r.keyId(notShared).plaintext(SdkBytes.fromUtf8String("x"))),
          B_APP, "kms:Encrypt", notShared, "no resource-based policy");
    }
  }

  @Test
  void keyPoliciesAreReadReplacedAndValidated() {
    try (KmsClient admin = as(ADMIN)) {
      String keyArn = admin.createKey(r -> r.description("policies")).keyMetadata().arn();
      assertThat(admin.getKeyPolicy(r -> r.keyId(keyArn)).policy()).isEqualTo(PolicyDocument.defaultKeyPolicyJson(A));
      assertThat(admin.listKeyPolicies(r -> r.keyId(keyArn)).policyNames()).containsExactly("default");

      String replaced = allowRootPolicy(A).replace("Enable IAM User Permissions", "Root");
      admin.putKeyPolicy(r -> r.keyId(keyArn).policyName("default").policy(replaced));
      assertThat(admin.getKeyPolicy(r -> r.keyId(keyArn).policyName("default")).policy()).isEqualTo(replaced);

      Errors.expect(() -> admin.getKeyPolicy(r -> r.keyId(keyArn).policyName("other")), "NotFoundException",
          "No such policy exists");
      Errors.expect(() -> admin.putKeyPolicy(r -> r.keyId(keyArn).policy("{\"Version\":\"2012-10-17\"")),
          "MalformedPolicyDocumentException");
      String lockout = allowRootPolicy(A).replace("\"kms:*\"", "\"kms:Decrypt\"");
      Errors.expect(() -> admin.putKeyPolicy(r -> r.keyId(keyArn).policy(lockout)), "MalformedPolicyDocumentException",
          "The new key policy will not allow you to update the key policy in the future.");
      assertThat(admin.getKeyPolicy(r -> r.keyId(keyArn)).policy()).as("a refused policy is never set").isEqualTo(replaced);
      Errors.expect(() -> admin.createKey(r -> r.policy(lockout)), "MalformedPolicyDocumentException",
          "The new key policy will not allow you to update the key policy in the future.");

      admin.putKeyPolicy(r -> r.keyId(keyArn).policy(lockout).bypassPolicyLockoutSafetyCheck(true));
      denied(() -> admin.getKeyPolicy(r -> r.keyId(keyArn)), ADMIN, "kms:GetKeyPolicy", keyArn,
          "no resource-based policy");
    }
  }

  static String allowRootPolicy(String account) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
  }

  static void denied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Identity who, String action,
      String keyArn, String because) {
    String head = "User: " + who.arn() + " is not authorized to perform: " + action + " on resource: " + keyArn;
    String message = because.startsWith("with ") ? head + " " + because
        : head + " because " + because + " allows the " + action + " action";
    Errors.expect(call, "AccessDeniedException", message);
  }

  static KmsClient as(Identity identity) {
    return trent.client(Region.US_EAST_1, identity.accessKeyId(), identity.secretAccessKey());
  }

  static Identity identity(String accessKeyId, String account, String arn, String policy) {
    List<PolicyDocument> policies = policy == null ? List.of()
        : List.of(PolicyDocument.parse(policy, PolicyType.IDENTITY_POLICY));
    return new Identity(accessKeyId, accessKeyId.toLowerCase() + "-secret-0123456789abcdefghij", account, arn, policies);
  }
}
