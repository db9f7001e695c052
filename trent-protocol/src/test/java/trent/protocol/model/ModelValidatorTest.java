package trent.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trent.domain.error.SerializationException;
import trent.domain.error.ValidationException;

class ModelValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ModelValidator VALIDATOR = ModelValidator.loadDefault();

  private static final String ONE = "1 validation error detected: ";

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static String b64(int bytes) {
    return Base64.getEncoder().encodeToString(new byte[bytes]);
  }

  static void assertValid(String operation, String body) {
    assertThatCode(() -> VALIDATOR.validate(operation, json(body))).doesNotThrowAnyException();
  }

  static void assertValidation(String operation, String body, String message) {
    assertThatThrownBy(() -> VALIDATOR.validate(operation, json(body)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
  }

  static void assertSerialization(String operation, String body, String message) {
    assertThatThrownBy(() -> VALIDATOR.validate(operation, json(body)))
        .isInstanceOf(SerializationException.class)
        .hasMessage(message);
  }

  @Test
  void theResourceNamesExactlyTheFiftyFourOperations() {
    assertThat(VALIDATOR.operations()).containsExactlyInAnyOrder(
        "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore",
        "CreateGrant", "CreateKey", "Decrypt", "DeleteAlias", "DeleteCustomKeyStore",
        "DeleteImportedKeyMaterial", "DeriveSharedSecret", "DescribeCustomKeyStores", "DescribeKey",
        "DisableKey", "DisableKeyRotation", "DisconnectCustomKeyStore", "EnableKey",
        "EnableKeyRotation", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
        "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac",
        "GenerateRandom", "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus",
        "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListAliases", "ListGrants",
        "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags",
        "ListRetirableGrants", "PutKeyPolicy", "ReEncrypt", "ReplicateKey", "RetireGrant",
        "RevokeGrant", "RotateKeyOnDemand", "ScheduleKeyDeletion", "Sign", "TagResource",
        "UntagResource", "UpdateAlias", "UpdateCustomKeyStore", "UpdateKeyDescription",
        "UpdatePrimaryRegion", "Verify", "VerifyMac");
  }

  /** Required members per operation, in model order, as OPERATIONS.md's input tables list them. */
  static final Map<String, List<String>> REQUIRED = Map.ofEntries(
      Map.entry("CancelKeyDeletion", List.of("KeyId")),
      Map.entry("ConnectCustomKeyStore", List.of("CustomKeyStoreId")),
      Map.entry("CreateAlias", List.of("AliasName", "TargetKeyId")),
      Map.entry("CreateCustomKeyStore", List.of("CustomKeyStoreName")),
      Map.entry("CreateGrant", List.of("KeyId", "Operations")),
      Map.entry("CreateKey", List.of()),
      Map.entry("Decrypt", List.of()),
      Map.entry("DeleteAlias", List.of("AliasName")),
      Map.entry("DeleteCustomKeyStore", List.of("CustomKeyStoreId")),
      Map.entry("DeleteImportedKeyMaterial", List.of("KeyId")),
      Map.entry("DeriveSharedSecret", List.of("KeyId", "KeyAgreementAlgorithm", "PublicKey")),
      Map.entry("DescribeCustomKeyStores", List.of()),
      Map.entry("DescribeKey", List.of("KeyId")),
      Map.entry("DisableKey", List.of("KeyId")),
      Map.entry("DisableKeyRotation", List.of("KeyId")),
      Map.entry("DisconnectCustomKeyStore", List.of("CustomKeyStoreId")),
      Map.entry("EnableKey", List.of("KeyId")),
      Map.entry("EnableKeyRotation", List.of("KeyId")),
      Map.entry("Encrypt", List.of("KeyId", "Plaintext")),
      Map.entry("GenerateDataKey", List.of("KeyId")),
      Map.entry("GenerateDataKeyPair", List.of("KeyId", "KeyPairSpec")),
      Map.entry("GenerateDataKeyPairWithoutPlaintext", List.of("KeyId", "KeyPairSpec")),
      Map.entry("GenerateDataKeyWithoutPlaintext", List.of("KeyId")),
      Map.entry("GenerateMac", List.of("Message", "KeyId", "MacAlgorithm")),
      Map.entry("GenerateRandom", List.of()),
      Map.entry("GetKeyLastUsage", List.of("KeyId")),
      Map.entry("GetKeyPolicy", List.of("KeyId")),
      Map.entry("GetKeyRotationStatus", List.of("KeyId")),
      Map.entry("GetParametersForImport", List.of("KeyId", "WrappingAlgorithm", "WrappingKeySpec")),
      Map.entry("GetPublicKey", List.of("KeyId")),
      Map.entry("ImportKeyMaterial", List.of("KeyId", "ImportToken", "EncryptedKeyMaterial")),
      Map.entry("ListAliases", List.of()),
      Map.entry("ListGrants", List.of("KeyId")),
      Map.entry("ListKeyPolicies", List.of("KeyId")),
      Map.entry("ListKeyRotations", List.of("KeyId")),
      Map.entry("ListKeys", List.of()),
      Map.entry("ListResourceTags", List.of("KeyId")),
      Map.entry("ListRetirableGrants", List.of()),
      Map.entry("PutKeyPolicy", List.of("KeyId", "Policy")),
      Map.entry("ReEncrypt", List.of("DestinationKeyId")),
      Map.entry("ReplicateKey", List.of("KeyId", "ReplicaRegion")),
      Map.entry("RetireGrant", List.of()),
      Map.entry("RevokeGrant", List.of("KeyId", "GrantId")),
      Map.entry("RotateKeyOnDemand", List.of("KeyId")),
      Map.entry("ScheduleKeyDeletion", List.of("KeyId")),
      Map.entry("Sign", List.of("KeyId", "Message", "SigningAlgorithm")),
      Map.entry("TagResource", List.of("KeyId", "Tags")),
      Map.entry("UntagResource", List.of("KeyId", "TagKeys")),
      Map.entry("UpdateAlias", List.of("AliasName", "TargetKeyId")),
      Map.entry("UpdateCustomKeyStore", List.of("CustomKeyStoreId")),
      Map.entry("UpdateKeyDescription", List.of("KeyId", "Description")),
      Map.entry("UpdatePrimaryRegion", List.of("KeyId", "PrimaryRegion")),
      Map.entry("Verify", List.of("KeyId", "Message", "Signature", "SigningAlgorithm")),
      Map.entry("VerifyMac", List.of("Message", "KeyId", "MacAlgorithm", "Mac")));

  @Test
  void anEmptyBodyReportsExactlyTheRequiredMembersOfEachOperation() {
    assertThat(REQUIRED.keySet()).isEqualTo(VALIDATOR.operations());
    for (String operation : VALIDATOR.operations()) {
      List<String> required = REQUIRED.get(operation);
      if (required.isEmpty()) {
        assertValid(operation, "{}");
        continue;
      }
      String errors = required.stream()
          .map(m -> "Value null at '" + m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1)
              + "' failed to satisfy constraint: Member must not be null")
          .collect(Collectors.joining("; "));
      int n = required.size();
      String head = n == 1 ? ONE : n + " validation errors detected: ";
      assertValidation(operation, "{}", head + errors);
    }
  }

  static Stream<Arguments> constraintViolations() {
    String longKeyId = "k".repeat(2049);
    String longTagKey = "t".repeat(129);
    return Stream.of(
        // Recorded from AWS (localstack tests/aws/services/kms/test_kms.snapshot.json).
        arguments("GenerateRandom", "{'NumberOfBytes': 0}",
            ONE + "Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1"),
        arguments("GenerateRandom", "{'NumberOfBytes': 1025}",
            ONE + "Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024"),
        arguments("GenerateDataKeyWithoutPlaintext", "{'KeyId': 'k', 'NumberOfBytes': 1025}",
            ONE + "Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024"),
        arguments("GenerateMac", "{'KeyId': 'k', 'Message': 'AA==', 'MacAlgorithm': 'INVALID'}",
            ONE + "Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]"),
        arguments("Encrypt", "{'KeyId': 'k', 'Plaintext': '" + b64(4097) + "'}",
            ONE + "Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096"),
        // Length, both ends.
        arguments("DescribeKey", "{'KeyId': '" + longKeyId + "'}",
            ONE + "Value '" + longKeyId + "' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048"),
        arguments("DescribeKey", "{'KeyId': ''}",
            ONE + "Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        // Enum in model order where AWS's order was not recorded.
        arguments("GenerateDataKey", "{'KeyId': 'k', 'KeySpec': 'AES_512'}",
            ONE + "Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]"),
        arguments("CreateKey", "{'KeyUsage': 'RANDOM'}",
            ONE + "Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [SIGN_VERIFY, ENCRYPT_DECRYPT, GENERATE_VERIFY_MAC, KEY_AGREEMENT]"),
        // Pattern, printed verbatim.
        arguments("CreateAlias", "{'AliasName': 'alias/bad name', 'TargetKeyId': 'k'}",
            ONE + "Value 'alias/bad name' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$"),
        // Length and pattern broken together: length first.
        arguments("CreateKey", "{'XksKeyId': ''}",
            "2 validation errors detected: Value '' at 'xksKeyId' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                + "Value '' at 'xksKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9-_.]+$"),
        // Ranges of other shapes.
        arguments("EnableKeyRotation", "{'KeyId': 'k', 'RotationPeriodInDays': 89}",
            ONE + "Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90"),
        arguments("ListKeys", "{'Limit': 1001}",
            ONE + "Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000"),
        // Lists: the list's own length, printed as Java prints a list.
        arguments("DescribeKey", "{'KeyId': 'k', 'GrantTokens': ['a','b','c','d','e','f','g','h','i','j','k']}",
            ONE + "Value '[a, b, c, d, e, f, g, h, i, j, k]' at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10"),
        // Lists of simple members: one error at the list, listing every rule of the member shape.
        arguments("UntagResource", "{'KeyId': 'k', 'TagKeys': ['', 'ok']}",
            ONE + "Value '[, ok]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: "
                + "[Member must have length less than or equal to 128, Member must have length greater than or equal to 1]"),
        arguments("CreateGrant", "{'KeyId': 'k', 'GranteePrincipal': 'p', 'Operations': ['Decrypt', 'Nope']}",
            ONE + "Value '[Decrypt, Nope]' at 'operations' failed to satisfy constraint: Member must satisfy constraint: "
                + "[Member must satisfy enum value set: [Decrypt, Encrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext, "
                + "ReEncryptFrom, ReEncryptTo, Sign, Verify, GetPublicKey, CreateGrant, RetireGrant, DescribeKey, "
                + "GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext, GenerateMac, VerifyMac, DeriveSharedSecret]]"),
        // Lists of structures: each member reported at 'tags.<1-based index>.member.<member>'.
        arguments("TagResource", "{'KeyId': 'k', 'Tags': [{'TagKey': '" + longTagKey + "', 'TagValue': 'v'}, {'TagValue': 'x'}]}",
            "2 validation errors detected: Value '" + longTagKey + "' at 'tags.1.member.tagKey' failed to satisfy constraint: "
                + "Member must have length less than or equal to 128; "
                + "Value null at 'tags.2.member.tagKey' failed to satisfy constraint: Member must not be null"),
        // Nested structure members.
        arguments("CreateCustomKeyStore", "{'CustomKeyStoreName': 'n', 'XksProxyAuthenticationCredential': {'AccessKeyId': 'lowercase-not-base32-too-long!!'}}",
            "3 validation errors detected: Value at 'xksProxyAuthenticationCredential.accessKeyId' failed to satisfy constraint: "
                + "Member must have length less than or equal to 30; "
                + "Value at 'xksProxyAuthenticationCredential.accessKeyId' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: ^[A-Z2-7]+$; "
                + "Value null at 'xksProxyAuthenticationCredential.rawSecretAccessKey' failed to satisfy constraint: Member must not be null"),
        // Blob bounds (decoded bytes); blob values are not printed.
        arguments("Decrypt", "{'CiphertextBlob': ''}",
            ONE + "Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        arguments("Decrypt", "{'CiphertextBlob': '" + b64(6145) + "'}",
            ONE + "Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length less than or equal to 6144"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("constraintViolations")
  void constraintViolationsUseAwsTexts(String operation, String body, String message) {
    assertValidation(operation, body, message);
  }

  @Test
  void everyViolationIsListedInModelMemberOrder() {
    // GenerateDataKeyRequest: KeyId, EncryptionContext, NumberOfBytes, KeySpec, GrantTokens, ...
    assertValidation("GenerateDataKey",
        "{'GrantTokens': ['','','','','','','','','','',''], 'KeySpec': 'X', 'NumberOfBytes': 0}",
        "5 validation errors detected: "
            + "Value null at 'keyId' failed to satisfy constraint: Member must not be null; "
            + "Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1; "
            + "Value 'X' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]; "
            + "Value '[, , , , , , , , , , ]' at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10; "
            + "Value '[, , , , , , , , , , ]' at 'grantTokens' failed to satisfy constraint: Member must satisfy constraint: "
            + "[Member must have length less than or equal to 8192, Member must have length greater than or equal to 1]");
  }

  @Test
  void sensitiveValuesNeverAppear() {
    String secret = "hunter2"; // 7 chars: valid length; the pattern-free password
    assertValidation("CreateCustomKeyStore", "{'CustomKeyStoreName': 'n', 'KeyStorePassword': 'short'}",
        ONE + "Value at 'keyStorePassword' failed to satisfy constraint: Member must have length greater than or equal to 7");
    assertValid("CreateCustomKeyStore", "{'CustomKeyStoreName': 'n', 'KeyStorePassword': '" + secret + "'}");

    String plaintext = Base64.getEncoder().encodeToString("top secret plaintext".repeat(250).getBytes());
    assertThatThrownBy(() -> VALIDATOR.validate("Encrypt", json("{'KeyId': 'k', 'Plaintext': '" + plaintext + "'}")))
        .isInstanceOf(ValidationException.class)
        .message().doesNotContain(plaintext).doesNotContain("top secret");

    String rawSecret = "x".repeat(70);
    assertThatThrownBy(() -> VALIDATOR.validate("UpdateCustomKeyStore", json(
            "{'CustomKeyStoreId': 'c', 'XksProxyAuthenticationCredential': {'AccessKeyId': 'ABCDEFGHIJKLMNOPQRST', 'RawSecretAccessKey': '" + rawSecret + "'}}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage(ONE + "Value at 'xksProxyAuthenticationCredential.rawSecretAccessKey' failed to satisfy constraint: "
            + "Member must have length less than or equal to 64")
        .message().doesNotContain(rawSecret);

    // Invalid base64 in a sensitive blob: the value is replaced by its token.
    assertThatThrownBy(() -> VALIDATOR.validate("Sign", json("{'KeyId': 'k', 'Message': 'my-secret', 'SigningAlgorithm': 'ECDSA_SHA_256'}")))
        .isInstanceOf(SerializationException.class)
        .hasMessage("STRING_VALUE can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 9");
  }

  static Stream<Arguments> wrongJsonKinds() {
    return Stream.of(
        arguments("GenerateRandom", "{'NumberOfBytes': '5'}", "STRING_VALUE can not be converted to an Integer"),
        arguments("GenerateRandom", "{'NumberOfBytes': true}", "TRUE_VALUE can not be converted to an Integer"),
        arguments("GenerateRandom", "{'NumberOfBytes': false}", "FALSE_VALUE can not be converted to an Integer"),
        arguments("GenerateRandom", "{'NumberOfBytes': [1]}", "Start of list found where not expected"),
        arguments("GenerateRandom", "{'NumberOfBytes': {}}", "Start of structure or map found where not expected."),
        arguments("DescribeKey", "{'KeyId': 1}", "NUMBER_VALUE can not be converted to a String"),
        arguments("DescribeKey", "{'KeyId': 1.5}", "NUMBER_VALUE can not be converted to a String"),
        arguments("DescribeKey", "{'KeyId': true}", "TRUE_VALUE can not be converted to a String"),
        arguments("DescribeKey", "{'KeyId': ['k']}", "Start of list found where not expected"),
        arguments("DescribeKey", "{'KeyId': {'a': 1}}", "Start of structure or map found where not expected."),
        arguments("DescribeKey", "{'KeyId': 'k', 'GrantTokens': 'x'}", "Expected list or null"),
        arguments("DescribeKey", "{'KeyId': 'k', 'GrantTokens': 1}", "Expected list or null"),
        arguments("DescribeKey", "{'KeyId': 'k', 'GrantTokens': {}}", "Start of structure or map found where not expected."),
        arguments("DescribeKey", "{'KeyId': 'k', 'GrantTokens': [1]}", "NUMBER_VALUE can not be converted to a String"),
        arguments("DescribeKey", "{'KeyId': 'k', 'GrantTokens': [['a']]}", "Start of list found where not expected"),
        arguments("Encrypt", "{'KeyId': 'k', 'Plaintext': 'AA==', 'EncryptionContext': []}", "Start of list found where not expected"),
        arguments("Encrypt", "{'KeyId': 'k', 'Plaintext': 'AA==', 'EncryptionContext': 'x'}", "Expected map or null"),
        arguments("Encrypt", "{'KeyId': 'k', 'Plaintext': 'AA==', 'EncryptionContext': {'a': 1}}", "NUMBER_VALUE can not be converted to a String"),
        arguments("CreateKey", "{'BypassPolicyLockoutSafetyCheck': 'true'}", "STRING_VALUE can not be converted to a Boolean"),
        arguments("CreateKey", "{'MultiRegion': 1}", "NUMBER_VALUE can not be converted to a Boolean"),
        arguments("CreateKey", "{'Tags': [1]}", "Expected null"),
        arguments("CreateKey", "{'Tags': [[]]}", "Start of list found where not expected"),
        arguments("CreateCustomKeyStore", "{'CustomKeyStoreName': 'n', 'XksProxyAuthenticationCredential': 'x'}", "Expected null"),
        arguments("ImportKeyMaterial", "{'ValidTo': '2030-01-01'}", "STRING_VALUE can not be converted to a Timestamp"),
        arguments("Decrypt", "{'CiphertextBlob': 5}", "NUMBER_VALUE can not be converted to a Blob"),
        arguments("Decrypt", "{'CiphertextBlob': true}", "TRUE_VALUE can not be converted to a Blob"),
        // Base64 failures as recorded in mhart/kinesalite test/helpers.js.
        arguments("Decrypt", "{'CiphertextBlob': '23456'}",
            "'23456' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 5"),
        arguments("Decrypt", "{'CiphertextBlob': '=+/='}", "'=+/=' can not be converted to a Blob: Invalid Base64 character: '='"),
        arguments("Decrypt", "{'CiphertextBlob': '+/+='}", "'+/+=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected"),
        arguments("Decrypt", "{'CiphertextBlob': 'ab-_'}", "'ab-_' can not be converted to a Blob: Invalid Base64 character: '-'"),
        arguments("Decrypt", "{'CiphertextBlob': 'a==='}", "'a===' can not be converted to a Blob: Invalid Base64 character: '='"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("wrongJsonKinds")
  void wrongJsonKindsAreSerializationExceptions(String operation, String body, String message) {
    assertSerialization(operation, body, message);
  }

  @Test
  void theFirstWrongKindInDocumentOrderWinsOverEveryConstraint() {
    assertSerialization("GenerateDataKey", "{'KeyId': '', 'GrantTokens': 'x', 'NumberOfBytes': 'y'}",
        "Expected list or null");
    assertSerialization("GenerateDataKey", "{'NumberOfBytes': 'y', 'GrantTokens': 'x'}",
        "STRING_VALUE can not be converted to an Integer");
  }

  @Test
  void aBodyThatIsNotAnObjectIsASerializationException() {
    assertSerialization("ListKeys", "[]", "Start of list found where not expected");
    assertThatThrownBy(() -> VALIDATOR.validate("ListKeys", TextNode.valueOf("x")))
        .isInstanceOf(SerializationException.class)
        .hasMessage(null);
    assertThatThrownBy(() -> VALIDATOR.validate("ListKeys", json("null")))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void nullMeansAbsent() {
    assertValidation("DescribeKey", "{'KeyId': null}",
        ONE + "Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    assertValid("DescribeKey", "{'KeyId': 'k', 'GrantTokens': null}");
    assertValid("GenerateRandom", "{'NumberOfBytes': null}");
    // Null list elements are skipped and not counted.
    assertValid("DescribeKey", "{'KeyId': 'k', 'GrantTokens': ['a', null]}");
    assertValid("DescribeKey", "{'KeyId': 'k', 'GrantTokens': ['a','b','c','d','e','f','g','h','i','j', null]}");
    assertValid("TagResource", "{'KeyId': 'k', 'Tags': [null, {'TagKey': 'a', 'TagValue': ''}]}");
  }

  @Test
  void unknownMembersAreIgnored() {
    assertValid("DescribeKey", "{'KeyId': 'k', 'Foo': {'Bar': [1, true]}, 'keyid': 1}");
    assertValid("TagResource", "{'KeyId': 'k', 'Tags': [{'TagKey': 'a', 'TagValue': 'b', 'Extra': 7}]}");
  }

  @Test
  void fractionalIntegersAreTruncated() {
    assertValid("GenerateRandom", "{'NumberOfBytes': 1.5}");
    assertValid("GenerateRandom", "{'NumberOfBytes': 1024.9}");
    assertValidation("GenerateRandom", "{'NumberOfBytes': 0.5}",
        ONE + "Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1");
    assertValidation("GenerateRandom", "{'NumberOfBytes': 99999999999999999999999}",
        ONE + "Value '99999999999999999999999' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024");
  }

  /** Found by RequestFuzzer (trent-fuzz): a literal beyond the double range threw NumberFormatException. */
  @Test
  void numbersBeyondTheDoubleRangeAreOutOfRange() {
    assertValidation("GenerateRandom", "{'NumberOfBytes': 1e400}",
        ONE + "Value 'Infinity' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024");
    assertValidation("GenerateRandom", "{'NumberOfBytes': -1e400}",
        ONE + "Value '-Infinity' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1");
  }

  @Test
  void documentedRulesApplyAfterTheModel() {
    // PendingWindowInDays: model 1..365, documented 7..30 with AWS's own text.
    assertValid("ScheduleKeyDeletion", "{'KeyId': 'k', 'PendingWindowInDays': 7}");
    assertValid("ScheduleKeyDeletion", "{'KeyId': 'k', 'PendingWindowInDays': 30}");
    assertValidation("ScheduleKeyDeletion", "{'KeyId': 'k', 'PendingWindowInDays': 1}",
        "PendingWindowInDays must be between 7 and 30");
    assertValidation("ScheduleKeyDeletion", "{'KeyId': 'k', 'PendingWindowInDays': 31}",
        "PendingWindowInDays must be between 7 and 30");
    assertValidation("ScheduleKeyDeletion", "{'KeyId': 'k', 'PendingWindowInDays': 0}",
        ONE + "Value '0' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 1");
    assertValidation("ScheduleKeyDeletion", "{'KeyId': 'k', 'PendingWindowInDays': 366}",
        ONE + "Value '366' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 365");
    assertValidation("ScheduleKeyDeletion", "{'PendingWindowInDays': 1}",
        ONE + "Value null at 'keyId' failed to satisfy constraint: Member must not be null");

    // Limits without a recorded text: the standard message with the documented bound.
    assertValid("ListAliases", "{'Limit': 100}");
    assertValidation("ListAliases", "{'Limit': 101}",
        ONE + "Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    assertValidation("ListAliases", "{'Limit': 1001}",
        ONE + "Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    assertValidation("ListGrants", "{'KeyId': 'k', 'Limit': 101}",
        ONE + "Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    assertValidation("ListRetirableGrants", "{'Limit': 101}",
        ONE + "Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    assertValidation("ListResourceTags", "{'KeyId': 'k', 'Limit': 51}",
        ONE + "Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50");
    // The shared LimitType keeps the model range elsewhere.
    assertValid("ListKeys", "{'Limit': 1000}");
  }

  @Test
  void validRequestsPass() {
    assertValid("GenerateDataKeyWithoutPlaintext",
        "{'KeyId': 'alias/my-key', 'KeySpec': 'AES_256', 'EncryptionContext': {'purpose': 'test', 'n': ''}, "
            + "'GrantTokens': ['t1', 't2'], 'DryRun': false}");
    assertValid("CreateKey", "{'XksKeyId': 'abc-def_1.2', 'Policy': '{\\\"Version\\\": \\\"2012-10-17\\\"}', "
        + "'Tags': [{'TagKey': 'k', 'TagValue': ''}], 'MultiRegion': true, 'KeySpec': 'ECC_NIST_EDWARDS25519'}");
    assertValid("ImportKeyMaterial", "{'KeyId': 'k', 'ImportToken': 'AAAA', 'EncryptedKeyMaterial': 'AA==', 'ValidTo': 1.7158E9}");
    assertValid("Encrypt", "{'KeyId': 'k', 'Plaintext': '" + b64(4096) + "'}");
  }

  @Test
  void unknownOperationsAreAProgrammingError() {
    assertThatThrownBy(() -> VALIDATOR.validate("Nope", json("{}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachLoadIsItsOwnInstance() {
    assertThat(ModelValidator.loadDefault()).isNotSameAs(VALIDATOR);
    assertThat(ModelValidator.loadDefault().operations()).hasSize(54);
  }
}
