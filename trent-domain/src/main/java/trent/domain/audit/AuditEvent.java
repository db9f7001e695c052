package trent.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request, as recorded in the audit log: the members of a CloudTrail record (event version
 * 1.08) that vary between requests. The constant members ({@code eventSource},
 * {@code eventType}, {@code eventCategory}, ...) are added by whoever serialises the event.
 *
 * <p>Guarantees: an event is immutable and holds no plaintext, ciphertext, key material, grant
 * token or signature. {@code requestParameters} and {@code responseElements} hold only members of
 * an allow-list (strings, numbers, booleans, lists of strings and string maps such as the
 * encryption context, which KMS treats as non-secret).
 *
 * @param eventName the operation, or the target the request named when it is not one we answer
 * @param awsRegion null when the request's Region could not be read
 * @param requestParameters allow-listed request members by CloudTrail name; null when none
 * @param responseElements allow-listed response members of a successful change; null otherwise
 * @param requestId the {@code x-amzn-RequestId} sent to the caller
 * @param resources the KMS keys the request used
 * @param recipientAccountId the account of the key used, else the caller's; null when unknown
 * @param errorCode the {@code __type} sent, null on success
 * @param errorMessage the message sent, null on success or when the error had none
 */
public record AuditEvent(
    String eventId,
    Instant eventTime,
    String eventName,
    UserIdentity userIdentity,
    String awsRegion,
    String sourceIpAddress,
    String userAgent,
    Map<String, Object> requestParameters,
    Map<String, Object> responseElements,
    String requestId,
    boolean readOnly,
    List<Resource> resources,
    String recipientAccountId,
    String errorCode,
    String errorMessage) {

  public static final String EVENT_VERSION = "1.08";
  public static final String EVENT_SOURCE = "kms.amazonaws.com";
  public static final String EVENT_TYPE = "AwsApiCall";
  public static final String EVENT_CATEGORY = "Management";

  public AuditEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(userIdentity, "userIdentity");
    Objects.requireNonNull(requestId, "requestId");
    requestParameters = ordered(requestParameters);
    responseElements = ordered(responseElements);
    resources = List.copyOf(resources);
  }

  /**
   * An unmodifiable copy that keeps the members' order, so that the serialised line is stable;
   * {@link AuditMembers} are taken as they are (immutable, and shared between events).
   */
  private static Map<String, Object> ordered(Map<String, Object> members) {
    return members == null ? null : AuditMembers.copyOf(members);
  }

  /** A KMS key a request used: CloudTrail's {@code resources} entry of type AWS::KMS::Key. */
  public record Resource(String accountId, String type, String arn) {

    public static final String KMS_KEY = "AWS::KMS::Key";

    /** The entry for the key {@code keyArn} ({@code arn:aws:kms:REGION:ACCOUNT:key/ID}). */
    public static Resource key(String keyArn) {
      // The account is the fifth field, found without splitting the ARN (this runs per request).
      int start = 0;
      for (int field = 0; field < 4 && start >= 0; field++) {
        int colon = keyArn.indexOf(':', start);
        start = colon < 0 ? -1 : colon + 1;
      }
      int end = start < 0 ? -1 : keyArn.indexOf(':', start);
      return new Resource(end < 0 ? null : keyArn.substring(start, end), KMS_KEY, keyArn);
    }
  }
}
