package trent.protocol.sigv4;

import trent.domain.error.IncompleteSignatureException;
import trent.domain.error.InvalidSignatureException;
import trent.domain.error.MissingAuthenticationTokenException;
import trent.domain.error.UnrecognizedClientException;

/**
 * The errors SigV4 verification reports, with AWS's message texts.
 *
 * <p>Each text says where it was observed. "Observed" means an AWS response quoted verbatim in a
 * public issue; texts marked "not observed" follow AWS's wording as closely as we could and should
 * be checked against a real endpoint.
 */
final class SigV4Errors {

  private SigV4Errors() {}

  /**
   * No {@code Authorization} header. Observed: API Gateway / AWS JSON services,
   * common-voice/common-voice#1599, aws-samples/amazon-comprehend-medical-fhir-integration#9.
   */
  static MissingAuthenticationTokenException missingAuthenticationToken() {
    return new MissingAuthenticationTokenException("Missing Authentication Token");
  }

  /**
   * One or more of Credential, Signature, SignedHeaders or the date header is missing; AWS lists
   * every missing part, then echoes the header. Observed (SSM, aws/aws-sdk-js#4285; SES,
   * brendanhay/amazonka#316; API Gateway, aws/chalice#828): {@code Authorization header requires
   * 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization
   * header requires 'SignedHeaders' parameter. Authorization header requires existence of either a
   * 'X-Amz-Date' or a 'Date' header. Authorization=AWS xxxxx:yyyyyyy}.
   */
  static IncompleteSignatureException missingParts(String missingSentences, String authorization) {
    return new IncompleteSignatureException(missingSentences + "Authorization=" + authorization);
  }

  static final String REQUIRES_CREDENTIAL = "Authorization header requires 'Credential' parameter. ";
  static final String REQUIRES_SIGNATURE = "Authorization header requires 'Signature' parameter. ";
  static final String REQUIRES_SIGNED_HEADERS =
      "Authorization header requires 'SignedHeaders' parameter. ";
  static final String REQUIRES_DATE =
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";

  /**
   * A part of the header without {@code '='}. Observed (DynamoDB,
   * awslabs/fhir-works-on-aws-deployment#379; Cloud9, iann0036/cloud9-sync#10): {@code
   * '/20210706/us-east-2/dynamodb/aws4_request' not a valid key=value pair (missing equal-sign) in
   * Authorization header: 'AWS4-HMAC-SHA256 Credential=... '.}
   */
  static IncompleteSignatureException notKeyValuePair(String part, String authorization) {
    return new IncompleteSignatureException("'" + part
        + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
        + authorization + "'.");
  }

  /**
   * The Credential is not {@code keyid/date/region/service/term}. Observed (Elasticsearch Service,
   * mhart/aws4#97).
   */
  static IncompleteSignatureException malformedCredential(String credential) {
    return new IncompleteSignatureException(
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
            + " got '" + credential + "'");
  }

  /**
   * The date header is not a timestamp. Not observed: wording from memory of AWS's response;
   * verify against a real endpoint.
   */
  static IncompleteSignatureException malformedDate(String value) {
    return new IncompleteSignatureException("Date must be in ISO-8601 'basic format'. Got '" + value
        + "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  /**
   * {@code host} is not among the SignedHeaders. Observed text (aws/aws-sdk-php#2469, 2022; the
   * older form "'Host' must be a 'SignedHeader' in the AWS Authorization." in NetSPI/AWSSigner#3);
   * the error type was not visible there.
   */
  static IncompleteSignatureException hostNotSigned() {
    return new IncompleteSignatureException(
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  /**
   * The date header used is not among the SignedHeaders. Not observed: Trent's text, modelled on
   * {@link #hostNotSigned()}.
   */
  static IncompleteSignatureException dateNotSigned(String headerName) {
    return new IncompleteSignatureException(
        "'" + headerName + "' must be a 'SignedHeader' in the AWS Authorization.");
  }

  /**
   * Region of the scope is not acceptable. Observed (MediaStore, fsouza/s3-upload-proxy#241,
   * InvalidSignatureException; STS, cognitect-labs/aws-api#27): note the trailing space.
   */
  static InvalidSignatureException invalidRegion(String region) {
    return new InvalidSignatureException(
        "Credential should be scoped to a valid region, not '" + region + "'. ");
  }

  /**
   * Service of the scope is not ours; AWS names the service it expected. Observed (SageMaker,
   * disneystreaming/smithy4s#1568; EMR, aws/aws-sdk-ruby#431), trailing space included.
   */
  static InvalidSignatureException wrongService(String expectedService) {
    return new InvalidSignatureException(
        "Credential should be scoped to correct service: '" + expectedService + "'. ");
  }

  /** Terminator of the scope is not {@code aws4_request}. Not observed: from AWS's wording. */
  static InvalidSignatureException wrongTerminator(String terminator) {
    return new InvalidSignatureException(
        "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator
            + "'. ");
  }

  /**
   * Scope date is not the date of the request time. Observed (API Gateway,
   * tedder/requests-aws4auth#7): {@code Date in Credential scope does not match YYYYMMDD from
   * ISO-8601 version of date from HTTP: '20151124' != '20151125', from '20151125T154140Z'.} The
   * error type there was not visible; AWS's troubleshooting guide files it under signature
   * verification, hence InvalidSignatureException.
   */
  static InvalidSignatureException scopeDateMismatch(
      String scopeDate, String requestDate, String requestTime) {
    return new InvalidSignatureException(
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
            + scopeDate + "' != '" + requestDate + "', from '" + requestTime + "'.");
  }

  /**
   * Request time older than the skew window. Observed for KMS (aws/aws-sdk-js-v3#6400,
   * aws/aws-sdk-js#2340): {@code Signature expired: 20240820T230143Z is now earlier than
   * 20240820T230302Z (20240820T230802Z - 5 min.)}. KMS enforces and prints 5 minutes; Trent
   * accepts 15 minutes of skew and prints the window it enforces, as DynamoDB and ECR do
   * (aws/aws-sdk-js#254, upmc-enterprises/registry-creds#24: {@code (... - 15 min.)}).
   */
  static InvalidSignatureException signatureExpired(
      String requestTime, String earliest, String now, long windowMinutes) {
    return new InvalidSignatureException("Signature expired: " + requestTime
        + " is now earlier than " + earliest + " (" + now + " - " + windowMinutes + " min.)");
  }

  /**
   * Request time later than the skew window. Observed (serverless/enterprise#11): {@code Signature
   * not yet current: 20181120T211543Z is still later than 20181120T211529Z (20181120T211029Z + 5
   * min.)}; the window printed is the one Trent enforces (see {@link #signatureExpired}).
   */
  static InvalidSignatureException signatureNotYetCurrent(
      String requestTime, String latest, String now, long windowMinutes) {
    return new InvalidSignatureException("Signature not yet current: " + requestTime
        + " is still later than " + latest + " (" + now + " + " + windowMinutes + " min.)");
  }

  /**
   * Unknown access key id. Observed for KMS (aws/aws-encryption-sdk-java#9,
   * localstack/localstack#4329) and other JSON services (Cognito, ArranJacques/laravel-aws-cognito-auth#25).
   */
  static UnrecognizedClientException unrecognizedClient() {
    return new UnrecognizedClientException("The security token included in the request is invalid.");
  }

  /**
   * The signature does not match. Observed for KMS (aws/aws-sdk-cpp#1681,
   * InvalidSignatureException).
   */
  static InvalidSignatureException signatureDoesNotMatch() {
    return new InvalidSignatureException("The request signature we calculated does not match the"
        + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the"
        + " service documentation for details.");
  }
}
