package trent.protocol.model;

import java.util.List;
import trent.domain.error.SerializationException;
import trent.domain.error.ValidationException;

/**
 * AWS's texts for malformed and invalid input, each with where it was observed.
 *
 * <p>KMS, like DynamoDB, Kinesis and Athena, runs on AWS's common JSON framework, so texts recorded
 * from those services are used where no KMS recording exists; each such case says so.
 */
final class AwsText {

  private AwsText() {}

  // ---- ValidationException ----------------------------------------------------------------

  /**
   * {@code 1 validation error detected: <e>} and {@code N validation errors detected: <e1>; <e2>}.
   * Singular form: recorded from AWS KMS in localstack/localstack
   * tests/aws/services/kms/test_kms.snapshot.json (test_generate_random_invalid_number_of_bytes).
   * Plural form and the "; " separator: real AWS responses quoted in ACM RequestCertificate and
   * Cognito error reports found by code search ("2 validation errors detected: Value '[ccc]' at
   * 'subjectAlternativeNames' ...; Value 'ccc' at 'domainName' ..."); not recorded for KMS.
   */
  static ValidationException validation(List<String> errors) {
    int n = errors.size();
    String head = n == 1 ? "1 validation error detected: " : n + " validation errors detected: ";
    return new ValidationException(head + String.join("; ", errors));
  }

  /**
   * {@code Value '<v>' at '<path>' failed to satisfy constraint: <rule>}: recorded from AWS KMS in
   * localstack test_kms.snapshot.json (numberOfBytes, keySpec, keyUsage, macAlgorithm).
   */
  static String valueError(String renderedValue, String path, String rule) {
    return "Value '" + renderedValue + "' at '" + path + "' failed to satisfy constraint: " + rule;
  }

  /**
   * The sensitive form, value left out: {@code Value at 'plaintext' failed to satisfy constraint:
   * Member must have length less than or equal to 4096}, recorded from AWS KMS Encrypt in
   * localstack test_kms.snapshot.json (test_plaintext_size_for_encrypt). Also used for blobs,
   * whose non-sensitive rendering by AWS was not found.
   */
  static String hiddenValueError(String path, String rule) {
    return "Value at '" + path + "' failed to satisfy constraint: " + rule;
  }

  /**
   * {@code Value null at 'keyId' failed to satisfy constraint: Member must not be null}: real KMS
   * responses quoted in client tests (a JWT signer's KMS Sign mock, found by code search), and the
   * same text measured on Athena; nsmithuk/local-kms uses it too. Not in the LocalStack recording.
   */
  static String missing(String path) {
    return "Value null at '" + path + "' failed to satisfy constraint: Member must not be null";
  }

  /** Recorded (numberOfBytes, 1025 > 1024) in localstack test_kms.snapshot.json. */
  static String max(long max) {
    return "Member must have value less than or equal to " + max;
  }

  /** Recorded (numberOfBytes, 0 < 1) in localstack test_kms.snapshot.json. */
  static String min(long min) {
    return "Member must have value greater than or equal to " + min;
  }

  /** Recorded (plaintext, 4096) in localstack test_kms.snapshot.json. */
  static String maxLength(long max) {
    return "Member must have length less than or equal to " + max;
  }

  /** Same family as {@link #maxLength}; seen in AWS answers of several services (e.g. ACM). */
  static String minLength(long min) {
    return "Member must have length greater than or equal to " + min;
  }

  /**
   * Pattern printed verbatim: AWS answers quoted for ACM, Cognito and Lambda (code search); not
   * recorded for KMS.
   */
  static String pattern(String pattern) {
    return "Member must satisfy regular expression pattern: " + pattern;
  }

  /** Recorded (keySpec, keyUsage, macAlgorithm) in localstack test_kms.snapshot.json. */
  static String enumSet(List<String> values) {
    return "Member must satisfy enum value set: [" + String.join(", ", values) + "]";
  }

  /**
   * A list whose simple members break their shape's rules is reported once, at the list, with
   * every rule of the member shape (length max, length min, pattern): real AWS answers quoted
   * for ACM ({@code Value '[ccc]' at 'subjectAlternativeNames' failed to satisfy constraint:
   * Member must satisfy constraint: [Member must have length less than or equal to 253, ...]})
   * and Lambda ({@code 'cors.allowMethods'}). Not recorded for KMS.
   */
  static String listMembers(List<String> rules) {
    return "Member must satisfy constraint: [" + String.join(", ", rules) + "]";
  }

  /**
   * Map keys / values: AWS answers quoted for EventBridge ({@code Value '{a=b}' at
   * 'targets.1.member.inputTransformer.inputPathsMap' failed to satisfy constraint: Map keys must
   * satisfy constraint: [...]}) and DynamoDB / Cognito ({@code Map value must satisfy constraint:
   * [...]}). KMS's only map (EncryptionContext) has no key or value rules.
   */
  static String mapKeys(List<String> rules) {
    return "Map keys must satisfy constraint: [" + String.join(", ", rules) + "]";
  }

  /** See {@link #mapKeys}. */
  static String mapValues(List<String> rules) {
    return "Map value must satisfy constraint: [" + String.join(", ", rules) + "]";
  }

  // ---- SerializationException ---------------------------------------------------------------

  /*
   * JSON-kind mismatches. The token names (STRING_VALUE, NUMBER_VALUE, TRUE_VALUE, FALSE_VALUE),
   * "Expected list or null", "Expected null", and the two "Start of ..." texts were measured on AWS
   * Athena (awsJson1_1, 2026-09-23) and recorded in an Athena emulator's parser tests found by code
   * search; the "Start of ..." texts also in mhart/kinesalite test/helpers.js and in moto's
   * DynamoDB tests. "Expected map or null" is from kinesalite (older framework wording of the same
   * family). Targets "a Boolean", "a Blob" and "a Timestamp" with the token form are inferred by
   * analogy (kinesalite shows the older "class java.lang.Boolean can not be converted to a Blob").
   */

  /** {@code Start of list found where not expected}. */
  static final String LIST_NOT_EXPECTED = "Start of list found where not expected";

  /** {@code Start of structure or map found where not expected.} (with the full stop). */
  static final String MAP_NOT_EXPECTED = "Start of structure or map found where not expected.";

  /** A scalar where a list is modeled. */
  static final String EXPECTED_LIST = "Expected list or null";

  /** A scalar where a map is modeled. */
  static final String EXPECTED_MAP = "Expected map or null";

  /** A scalar where a structure is modeled. */
  static final String EXPECTED_STRUCTURE = "Expected null";

  /** {@code <TOKEN> can not be converted to <target>}, e.g. {@code STRING_VALUE can not be
   *  converted to an Integer}. */
  static SerializationException cannotConvert(String token, String target) {
    return new SerializationException(token + " can not be converted to " + target);
  }

  /**
   * Invalid base64 in a blob: {@code '<v>' can not be converted to a Blob: <reason>}, recorded
   * from AWS Kinesis in mhart/kinesalite test/helpers.js. For sensitive members the value is
   * replaced by the token {@code STRING_VALUE} (our choice; AWS's form is unknown).
   */
  static SerializationException badBase64(String renderedValue, String reason) {
    return new SerializationException(renderedValue + " can not be converted to a Blob: " + reason);
  }

  /** Reason when the length is not a multiple of 4 (kinesalite). */
  static String base64Length(int length) {
    return "Base64 encoded length is expected a multiple of 4 bytes but found: " + length;
  }

  /** Reason for a character outside the alphabet or a misplaced {@code =} (kinesalite). */
  static String base64Character(char c) {
    return "Invalid Base64 character: '" + c + "'";
  }

  /** Reason for non-zero unused bits before the padding; AWS's spelling, typo included. */
  static final String BASE64_LAST_CHARACTER = "Invalid last non-pad Base64 character dectected";
}
