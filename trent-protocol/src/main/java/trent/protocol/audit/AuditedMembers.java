package trent.protocol.audit;

import java.util.Map;
import java.util.Set;

/**
 * The allow-lists: the request and response members that may appear in an audit event, by wire
 * name, with the CloudTrail name they are recorded under. A member not listed here is never
 * recorded, so a member added to the model stays out of the log until someone reviews it and adds
 * it. Blobs (Plaintext, CiphertextBlob, Message, Signature, Mac, PublicKey, key material, import
 * tokens), grant tokens and the Recipient attestation are deliberately absent; so are policies and
 * tags, which may be long and are recorded by the configuration that set them.
 */
final class AuditedMembers {

  private AuditedMembers() {}

  /**
   * What kind of JSON value a member holds; a value of any other kind is not recorded. A
   * TIMESTAMP is epoch seconds on the wire and ISO-8601 UTC in the event.
   */
  enum Kind { STRING, NUMBER, BOOLEAN, STRING_LIST, STRING_MAP, TIMESTAMP }

  record Member(String auditName, Kind kind) {}

  static final Map<String, Member> REQUEST = Map.ofEntries(
      Map.entry("KeyId", new Member("keyId", Kind.STRING)),
      Map.entry("KeySpec", new Member("keySpec", Kind.STRING)),
      Map.entry("CustomerMasterKeySpec", new Member("customerMasterKeySpec", Kind.STRING)),
      Map.entry("KeyUsage", new Member("keyUsage", Kind.STRING)),
      Map.entry("Origin", new Member("origin", Kind.STRING)),
      Map.entry("MultiRegion", new Member("multiRegion", Kind.BOOLEAN)),
      Map.entry("Description", new Member("description", Kind.STRING)),
      Map.entry("BypassPolicyLockoutSafetyCheck", new Member("bypassPolicyLockoutSafetyCheck", Kind.BOOLEAN)),
      Map.entry("PendingWindowInDays", new Member("pendingWindowInDays", Kind.NUMBER)),
      Map.entry("NumberOfBytes", new Member("numberOfBytes", Kind.NUMBER)),
      Map.entry("EncryptionContext", new Member("encryptionContext", Kind.STRING_MAP)),
      Map.entry("EncryptionAlgorithm", new Member("encryptionAlgorithm", Kind.STRING)),
      Map.entry("SourceKeyId", new Member("sourceKeyId", Kind.STRING)),
      Map.entry("DestinationKeyId", new Member("destinationKeyId", Kind.STRING)),
      Map.entry("SourceEncryptionContext", new Member("sourceEncryptionContext", Kind.STRING_MAP)),
      Map.entry("DestinationEncryptionContext", new Member("destinationEncryptionContext", Kind.STRING_MAP)),
      Map.entry("SourceEncryptionAlgorithm", new Member("sourceEncryptionAlgorithm", Kind.STRING)),
      Map.entry("DestinationEncryptionAlgorithm", new Member("destinationEncryptionAlgorithm", Kind.STRING)),
      Map.entry("KeyPairSpec", new Member("keyPairSpec", Kind.STRING)),
      Map.entry("SigningAlgorithm", new Member("signingAlgorithm", Kind.STRING)),
      Map.entry("MessageType", new Member("messageType", Kind.STRING)),
      Map.entry("MacAlgorithm", new Member("macAlgorithm", Kind.STRING)),
      Map.entry("KeyAgreementAlgorithm", new Member("keyAgreementAlgorithm", Kind.STRING)),
      Map.entry("AliasName", new Member("aliasName", Kind.STRING)),
      Map.entry("TargetKeyId", new Member("targetKeyId", Kind.STRING)),
      Map.entry("GrantId", new Member("grantId", Kind.STRING)),
      Map.entry("GrantName", new Member("name", Kind.STRING)),
      Map.entry("GranteePrincipal", new Member("granteePrincipal", Kind.STRING)),
      Map.entry("RetiringPrincipal", new Member("retiringPrincipal", Kind.STRING)),
      Map.entry("Operations", new Member("operations", Kind.STRING_LIST)),
      Map.entry("PolicyName", new Member("policyName", Kind.STRING)),
      Map.entry("RotationPeriodInDays", new Member("rotationPeriodInDays", Kind.NUMBER)),
      Map.entry("Limit", new Member("limit", Kind.NUMBER)),
      Map.entry("DryRun", new Member("dryRun", Kind.BOOLEAN)),
      Map.entry("DryRunModifiers", new Member("dryRunModifiers", Kind.STRING_LIST)),
      // Custom key stores: never KeyStorePassword or XksProxyAuthenticationCredential (secrets).
      Map.entry("CustomKeyStoreId", new Member("customKeyStoreId", Kind.STRING)),
      Map.entry("CustomKeyStoreName", new Member("customKeyStoreName", Kind.STRING)),
      Map.entry("NewCustomKeyStoreName", new Member("newCustomKeyStoreName", Kind.STRING)),
      Map.entry("CustomKeyStoreType", new Member("customKeyStoreType", Kind.STRING)),
      Map.entry("CloudHsmClusterId", new Member("cloudHsmClusterId", Kind.STRING)),
      Map.entry("XksProxyUriEndpoint", new Member("xksProxyUriEndpoint", Kind.STRING)),
      Map.entry("XksProxyUriPath", new Member("xksProxyUriPath", Kind.STRING)),
      Map.entry("XksProxyConnectivity", new Member("xksProxyConnectivity", Kind.STRING)),
      Map.entry("XksProxyVpcEndpointServiceName", new Member("xksProxyVpcEndpointServiceName", Kind.STRING)),
      Map.entry("XksKeyId", new Member("xksKeyId", Kind.STRING)));

  /**
   * Response members recorded for operations that change something (CloudTrail records none for
   * read-only operations, the cryptographic ones included).
   */
  static final Map<String, Member> RESPONSE = Map.of(
      "KeyId", new Member("keyId", Kind.STRING),
      "KeyState", new Member("keyState", Kind.STRING),
      "DeletionDate", new Member("deletionDate", Kind.TIMESTAMP),
      "PendingWindowInDays", new Member("pendingWindowInDays", Kind.NUMBER),
      "GrantId", new Member("grantId", Kind.STRING),
      "CustomKeyStoreId", new Member("customKeyStoreId", Kind.STRING));

  /** The KeyMetadata members recorded in {@code responseElements.keyMetadata} (CreateKey). */
  static final Map<String, Member> KEY_METADATA = Map.ofEntries(
      Map.entry("AWSAccountId", new Member("aWSAccountId", Kind.STRING)),
      Map.entry("KeyId", new Member("keyId", Kind.STRING)),
      Map.entry("Arn", new Member("arn", Kind.STRING)),
      Map.entry("CreationDate", new Member("creationDate", Kind.TIMESTAMP)),
      Map.entry("Enabled", new Member("enabled", Kind.BOOLEAN)),
      Map.entry("Description", new Member("description", Kind.STRING)),
      Map.entry("KeyUsage", new Member("keyUsage", Kind.STRING)),
      Map.entry("KeyState", new Member("keyState", Kind.STRING)),
      Map.entry("Origin", new Member("origin", Kind.STRING)),
      Map.entry("KeyManager", new Member("keyManager", Kind.STRING)),
      Map.entry("CustomerMasterKeySpec", new Member("customerMasterKeySpec", Kind.STRING)),
      Map.entry("KeySpec", new Member("keySpec", Kind.STRING)),
      Map.entry("EncryptionAlgorithms", new Member("encryptionAlgorithms", Kind.STRING_LIST)),
      Map.entry("SigningAlgorithms", new Member("signingAlgorithms", Kind.STRING_LIST)),
      Map.entry("MacAlgorithms", new Member("macAlgorithms", Kind.STRING_LIST)),
      Map.entry("MultiRegion", new Member("multiRegion", Kind.BOOLEAN)));

  /**
   * Operations that change nothing, recorded with {@code readOnly: true} and no response
   * elements, as CloudTrail records them (the cryptographic operations are read-only there).
   */
  static final Set<String> READ_ONLY = Set.of(
      "Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext",
      "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateRandom", "Sign", "Verify",
      "GenerateMac", "VerifyMac", "DeriveSharedSecret");

  static boolean readOnly(String operation) {
    return READ_ONLY.contains(operation) || operation.startsWith("Describe") || operation.startsWith("List")
        || operation.startsWith("Get");
  }
}
