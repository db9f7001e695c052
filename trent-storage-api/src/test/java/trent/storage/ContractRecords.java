package trent.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records for {@link StorageContractTest}: every field set to a telling value. */
public final class ContractRecords {

  public static final String ACCOUNT = "111122223333";
  public static final String OTHER_ACCOUNT = "444455556666";
  public static final String REGION = "us-east-1";
  public static final String OTHER_REGION = "eu-west-1";
  /** Millisecond precision, the precision every implementation must keep exactly. */
  public static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123Z");

  private ContractRecords() {}

  public static String newKeyId() {
    return UUID.randomUUID().toString();
  }

  /** 64 lowercase hex characters, as a key material id is. */
  public static String materialId(int n) {
    return String.format("%064x", n);
  }

  /** An enabled symmetric key with no nullable field set, in {@link #ACCOUNT} / {@link #REGION}. */
  public static KeyRecord key(String keyId) {
    return key(keyId, ACCOUNT, REGION);
  }

  public static KeyRecord key(String keyId, String account, String region) {
    return new KeyRecord(keyId, account, region, "", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "AWS_KMS", "Enabled",
        T0, null, null, false, policy(account), null, 0);
  }

  /** A key with every field set, none to its type's default. */
  public static KeyRecord fullKey(String keyId) {
    return new KeyRecord(keyId, ACCOUNT, REGION, "Payments key — ключ 🔑", "RSA_2048", "SIGN_VERIFY", "EXTERNAL",
        "PendingDeletion", T0, T0.plusSeconds(7 * 86_400).plusMillis(1), 7, true, policy(ACCOUNT),
        materialId(42), 0);
  }

  /** {@code mrk-} and 32 hex digits, as a multi-Region key's id is. */
  public static String newMultiRegionKeyId() {
    return "mrk-" + java.util.UUID.randomUUID().toString().replace("-", "");
  }

  /** One copy of a multi-Region key in {@code region}, whose primary is in {@code primaryRegion}. */
  public static KeyRecord multiRegionCopy(String keyId, String region, String primaryRegion) {
    return new KeyRecord(keyId, ACCOUNT, region, "copy in " + region, "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT",
        "AWS_KMS", "Enabled", T0, null, null, true, policy(ACCOUNT), materialId(1), 0, null, null, primaryRegion);
  }

  public static KeyRecord pendingDeletion(String keyId, String account, Instant deletionDate) {
    return withState(key(keyId, account, REGION), "PendingDeletion", deletionDate, 30);
  }

  public static KeyRecord withState(KeyRecord k, String keyState, Instant deletionDate, Integer window) {
    return new KeyRecord(k.keyId(), k.account(), k.region(), k.description(), k.keySpec(), k.keyUsage(), k.origin(),
        keyState, k.creationDate(), deletionDate, window, k.multiRegion(), k.policy(), k.currentMaterialId(),
        k.version(), k.customKeyStoreId(), k.xksKeyId(), k.primaryRegion());
  }

  public static KeyRecord withDescription(KeyRecord k, String description) {
    return new KeyRecord(k.keyId(), k.account(), k.region(), description, k.keySpec(), k.keyUsage(), k.origin(),
        k.keyState(), k.creationDate(), k.deletionDate(), k.pendingWindowInDays(), k.multiRegion(), k.policy(),
        k.currentMaterialId(), k.version(), k.customKeyStoreId(), k.xksKeyId(), k.primaryRegion());
  }

  public static KeyRecord withVersion(KeyRecord k, long version) {
    return new KeyRecord(k.keyId(), k.account(), k.region(), k.description(), k.keySpec(), k.keyUsage(), k.origin(),
        k.keyState(), k.creationDate(), k.deletionDate(), k.pendingWindowInDays(), k.multiRegion(), k.policy(),
        k.currentMaterialId(), version, k.customKeyStoreId(), k.xksKeyId(), k.primaryRegion());
  }

  public static KeyRecord withCreationDate(KeyRecord k, Instant creationDate) {
    return new KeyRecord(k.keyId(), k.account(), k.region(), k.description(), k.keySpec(), k.keyUsage(), k.origin(),
        k.keyState(), creationDate, k.deletionDate(), k.pendingWindowInDays(), k.multiRegion(), k.policy(),
        k.currentMaterialId(), k.version(), k.customKeyStoreId(), k.xksKeyId(), k.primaryRegion());
  }

  /** A key in an external key store, associated with external key {@code xksKeyId}. */
  public static KeyRecord xksKey(String keyId, String customKeyStoreId, String xksKeyId) {
    return new KeyRecord(keyId, ACCOUNT, REGION, "", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "EXTERNAL_KEY_STORE",
        "Enabled", T0, null, null, false, policy(ACCOUNT), materialId(7), 0, customKeyStoreId, xksKeyId);
  }

  /** {@code cks-} and 17 hex digits, ordered as {@code n}. */
  public static String storeId(int n) {
    return String.format("cks-%017x", n);
  }

  /** A disconnected external key store with every external-key-store field set. */
  public static CustomKeyStoreRecord xksStore(String id, String account, String name) {
    return new CustomKeyStoreRecord(id, account, REGION, name, "EXTERNAL_KEY_STORE", null, null,
        "VPC_ENDPOINT_SERVICE", "https://xks.example.com", "/example/kms/xks/v1",
        "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", OTHER_ACCOUNT, "ABCDEFGHIJKLMNOPQRST234567",
        new byte[] {5, 4, 3, 2, 1, 0}, "DISCONNECTED", null, T0, 0);
  }

  /** A CloudHSM key store whose last connection failed. */
  public static CustomKeyStoreRecord cloudHsmStore(String id, String name) {
    return new CustomKeyStoreRecord(id, ACCOUNT, REGION, name, "AWS_CLOUDHSM", "cluster-234abcdefgh",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", null, null, null, null, null, null,
        new byte[] {9, 9}, "FAILED", "CLUSTER_NOT_FOUND", T0.plusMillis(3), 0);
  }

  public static CustomKeyStoreRecord withConnection(CustomKeyStoreRecord s, String state, String errorCode) {
    return new CustomKeyStoreRecord(s.customKeyStoreId(), s.account(), s.region(), s.name(), s.type(),
        s.cloudHsmClusterId(), s.trustAnchorCertificate(), s.xksProxyConnectivity(), s.xksProxyUriEndpoint(),
        s.xksProxyUriPath(), s.xksProxyVpcEndpointServiceName(), s.xksProxyVpcEndpointServiceOwner(),
        s.xksProxyAccessKeyId(), s.wrappedSecret(), state, errorCode, s.creationDate(), s.version());
  }

  public static CustomKeyStoreRecord withName(CustomKeyStoreRecord s, String name) {
    return new CustomKeyStoreRecord(s.customKeyStoreId(), s.account(), s.region(), name, s.type(),
        s.cloudHsmClusterId(), s.trustAnchorCertificate(), s.xksProxyConnectivity(), s.xksProxyUriEndpoint(),
        s.xksProxyUriPath(), s.xksProxyVpcEndpointServiceName(), s.xksProxyVpcEndpointServiceOwner(),
        s.xksProxyAccessKeyId(), s.wrappedSecret(), s.connectionState(), s.connectionErrorCode(), s.creationDate(),
        s.version());
  }

  public static KeyMaterialRecord material(String keyId, int n, Instant createdAt) {
    return new KeyMaterialRecord(keyId, materialId(n), new byte[] {1, 2, 3, (byte) n, (byte) 0xff, 0}, createdAt);
  }

  public static AliasRecord alias(String name, String targetKeyId) {
    return alias(ACCOUNT, REGION, name, targetKeyId);
  }

  public static AliasRecord alias(String account, String region, String name, String targetKeyId) {
    return new AliasRecord(account, region, name, targetKeyId, T0, T0.plusMillis(5), 0);
  }

  /** 64 lowercase hex characters, as a grant id is; ordered as {@code n}. */
  public static String grantId(int n) {
    return String.format("%064x", n & 0x7fffffff);
  }

  /** A grant with no optional field set. */
  public static GrantRecord grant(String grantId, String keyId, String grantee) {
    return new GrantRecord(grantId, keyId, REGION, null, T0, grantee, null, "arn:aws:iam::" + ACCOUNT + ":root",
        List.of("Decrypt"), null, "token-secret-" + grantId);
  }

  public static GrantRecord withRetiringPrincipal(GrantRecord g, String retiringPrincipal) {
    return new GrantRecord(g.grantId(), g.keyId(), g.region(), g.name(), g.creationDate(), g.granteePrincipal(), retiringPrincipal,
        g.issuingAccount(), g.operations(), g.constraints(), g.tokenSecret());
  }

  public static KeyringTermRecord term(int term) {
    return new KeyringTermRecord(term, "key-file:" + term, new byte[] {9, 8, 7, (byte) term}, T0.plusSeconds(term));
  }

  private static String policy(String account) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
  }
}
