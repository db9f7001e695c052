package trent.policy;

import java.util.Objects;

/**
 * A policy document was refused. The message is the text AWS answers with, so the operation layer
 * can send it unchanged; {@link #errorCode()} says which AWS error carries it.
 *
 * <p>Every text below names where it was observed. Texts marked <em>unconfirmed for KMS</em> are
 * IAM's texts for the same fault (IAM and KMS share the policy grammar); KMS's own wording for that
 * fault was not found in any public source. AWS KMS answered a non-JSON policy with an empty message
 * in 2018 (repository {@code aws/aws-sdk-ruby}, issue 1784), so the JSON texts are the least certain.
 *
 * <p>The message never contains the policy text or any value from it except where AWS's own text
 * does (the resource in {@link #resourceNotArn}).
 */
public final class PolicyDocumentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The AWS error code for an invalid policy document. */
  public static final String MALFORMED_POLICY_DOCUMENT = "MalformedPolicyDocumentException";

  /** The AWS error code KMS uses for a key policy over its size quota. */
  public static final String LIMIT_EXCEEDED = "LimitExceededException";

  /**
   * The lockout-safety refusal. Observed from CreateKey and PutKeyPolicy in many public threads, e.g.
   * {@code terraform-aws-modules/terraform-aws-kms} issue 14, {@code terraform-aws-modules/terraform-aws-eks}
   * issue 2843, {@code data-dot-all/dataall} issue 956 (boto3, PutKeyPolicy).
   */
  public static final String LOCKOUT =
      "The new key policy will not allow you to update the key policy in the future.";

  /**
   * A principal that is not a valid (or, in AWS, not an existing) principal. Observed in
   * {@code aws-samples/siem-on-amazon-opensearch-service} issue 32 and
   * {@code GoogleCloudPlatform/anthos-samples} issue 357 (CreateKey), and AWS knowledge-center article
   * "kms-policy-error-invalid-principals" (PutKeyPolicy).
   */
  public static final String INVALID_PRINCIPALS =
      "Policy contains a statement with one or more invalid principals.";

  /**
   * A key-policy statement without Principal or NotPrincipal. The rule is documented (KMS API
   * reference, CreateKey/PutKeyPolicy {@code Policy}: "Each statement in the key policy must contain one
   * or more principals"); the text appears once in public code, as a test fixture, without the final
   * period. <em>Unconfirmed.</em>
   */
  public static final String NO_PRINCIPAL = "Policy contains a statement with no principal.";

  /**
   * Not JSON, not an object, a wrong type, an unknown element, duplicate keys. IAM's text: real AWS
   * answer in {@code boto/boto3} issue 180; moto's IAM validator uses it for every syntax fault.
   * <em>Unconfirmed for KMS.</em>
   */
  public static final String SYNTAX_ERRORS = "Syntax errors in policy.";

  /**
   * {@code Effect} spelled in the wrong case ({@code "allow"}). IAM's text: real AWS answer in
   * {@code aws-samples/torchserve-eks} issue 3 and {@code 99designs/iamy} issue 65; moto's IAM validator
   * raises it for a case-mismatched Effect. <em>Unconfirmed for KMS.</em>
   */
  public static final String LEGACY_PARSING = "The policy failed legacy parsing";

  /**
   * Two statements with the same Sid. IAM's text (moto's IAM validator). AWS's knowledge-center
   * article on KMS policy errors tells users to remove duplicate Sid values.
   * <em>Unconfirmed for KMS.</em>
   */
  public static final String DUPLICATE_SID = "Statement IDs (SID) in a single policy must be unique.";

  /** Identity policy with Principal. IAM's text, real AWS answer in {@code hashicorp/terraform-provider-aws} issue 10419. */
  public static final String IDENTITY_POLICY_PRINCIPAL = "Policy document should not specify a principal.";

  /** Identity policy without Action/NotAction. IAM's text (moto's IAM validator). */
  public static final String MISSING_ACTION = "Policy statement must contain actions.";

  /** Identity policy without Resource/NotResource. IAM's text (moto's IAM validator). */
  public static final String MISSING_RESOURCE = "Policy statement must contain resources.";

  /** Identity policy without Version 2012-10-17. IAM's text (moto's IAM validator; CreatePolicy). */
  public static final String IDENTITY_POLICY_VERSION = "Policy document must be version 2012-10-17 or greater.";

  /** An action without a service prefix. IAM's text (moto's IAM validator). <em>Unconfirmed for KMS.</em> */
  public static final String ACTION_VENDOR =
      "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";

  /** An action with more than one colon. IAM's text (moto's IAM validator). <em>Unconfirmed for KMS.</em> */
  public static final String ACTION_COLONS = "Actions/Condition can contain only one colon.";

  /**
   * A key policy over 32768 bytes. The quota is documented (KMS API reference, older revisions: "The key
   * policy size quota is 32 kilobytes (32768 bytes)"; current revision: "If the key policy exceeds the
   * length constraint, KMS returns a LimitExceededException"). The text is Trent's. <em>Unconfirmed.</em>
   */
  public static final String KEY_POLICY_TOO_LARGE =
      "The key policy exceeds the maximum size of 32768 bytes.";

  private final String errorCode;

  private PolicyDocumentException(String errorCode, String message) {
    super(message, null, false, false);
    this.errorCode = Objects.requireNonNull(errorCode);
  }

  /** A {@code MalformedPolicyDocumentException} with the given AWS text. */
  public static PolicyDocumentException malformed(String awsMessage) {
    return new PolicyDocumentException(MALFORMED_POLICY_DOCUMENT, awsMessage);
  }

  /** The key policy is over KMS's 32 KB quota ({@code LimitExceededException}). */
  public static PolicyDocumentException keyPolicyTooLarge() {
    return new PolicyDocumentException(LIMIT_EXCEEDED, KEY_POLICY_TOO_LARGE);
  }

  /** The lockout-safety refusal ({@code MalformedPolicyDocumentException}). */
  public static PolicyDocumentException lockout() {
    return malformed(LOCKOUT);
  }

  /**
   * A Resource that is neither {@code "*"} nor an ARN. IAM's text, real AWS answer quoted in
   * {@code ministryofjustice/modernisation-platform-environments} pull request 590.
   */
  public static PolicyDocumentException resourceNotArn(String resource) {
    return malformed("Resource " + resource + " must be in ARN format or \"*\".");
  }

  /** The AWS error code to answer with: {@link #MALFORMED_POLICY_DOCUMENT} or {@link #LIMIT_EXCEEDED}. */
  public String errorCode() {
    return errorCode;
  }
}
