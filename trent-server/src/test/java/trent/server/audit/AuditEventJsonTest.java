package trent.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import trent.domain.error.KMSInvalidStateException;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.OperationTable;
import trent.protocol.Authenticator;
import trent.protocol.Dispatcher;
import trent.protocol.Exchange;
import trent.protocol.IncomingRequest;
import trent.protocol.audit.AuditEvents;
import trent.protocol.json.JsonCodec;
import trent.protocol.model.ModelValidator;

/**
 * The exact audit lines of a few requests, built the way a server builds them (dispatcher, then
 * {@link AuditEvents}, then {@link AuditJson}) with a fixed clock and fixed event ids.
 */
class AuditEventJsonTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00.750Z"), ZoneOffset.UTC);
  static final String ACCOUNT = "111122223333";
  static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
  static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID;

  record EncryptInput(String keyId, byte[] plaintext, Map<String, String> encryptionContext, List<String> grantTokens) {}

  record EncryptOutput(byte[] ciphertextBlob, String keyId, String encryptionAlgorithm) {}

  /** Stands in for Encrypt: notes its key as the real one does, and answers a fixed blob. */
  static final class FakeEncrypt extends BaseOperation<EncryptInput, EncryptOutput> {
    FakeEncrypt() {
      super("Encrypt", EncryptInput.class, false);
    }

    @Override
    public EncryptOutput execute(EncryptInput in, CallContext context) {
      context.keysUsed().add(KEY_ARN);
      return new EncryptOutput("CIPHERTEXT-BYTES".getBytes(StandardCharsets.UTF_8), KEY_ARN, "SYMMETRIC_DEFAULT");
    }
  }

  record KeyIdInput(String keyId) {}

  static final class FailingDisableKey extends BaseOperation<KeyIdInput, Object> {
    FailingDisableKey() {
      super("DisableKey", KeyIdInput.class, false);
    }

    @Override
    public Object execute(KeyIdInput in, CallContext context) {
      throw new KMSInvalidStateException(KEY_ARN + " is pending deletion.");
    }
  }

  record CreateKeyInput(String description, String keySpec) {}

  /** The KeyMetadata members of a symmetric key, plus one not on the allow-list (currentKeyMaterialId). */
  record Metadata(String awsAccountId, String keyId, String arn, Instant creationDate, boolean enabled,
      String description, String keyUsage, String keyState, String origin, String keyManager,
      String customerMasterKeySpec, String keySpec, List<String> encryptionAlgorithms, Boolean multiRegion,
      String currentKeyMaterialId) {}

  record CreateKeyOutput(Metadata keyMetadata) {}

  static final class FakeCreateKey extends BaseOperation<CreateKeyInput, CreateKeyOutput> {
    FakeCreateKey() {
      super("CreateKey", CreateKeyInput.class, false);
    }

    @Override
    public CreateKeyOutput execute(CreateKeyInput in, CallContext context) {
      return new CreateKeyOutput(new Metadata(ACCOUNT, KEY_ID, KEY_ARN, Instant.parse("2026-11-23T12:00:00Z"), true,
          in.description(), "ENCRYPT_DECRYPT", "Enabled", "AWS_KMS", "CUSTOMER", "SYMMETRIC_DEFAULT",
          "SYMMETRIC_DEFAULT", List.of("SYMMETRIC_DEFAULT"), false, "material-1"));
    }
  }

  private final List<Exchange> seen = new ArrayList<>();
  private final Dispatcher dispatcher = new Dispatcher(
      OperationTable.builder().add(new FakeEncrypt()).add(new FailingDisableKey()).add(new FakeCreateKey()).build(),
      ModelValidator.loadDefault(), Authenticator.developmentMode(ACCOUNT, CLOCK), new JsonCodec(), Runnable::run,
      seen::add);
  private final AtomicInteger ids = new AtomicInteger();
  private final AuditEvents events =
      new AuditEvents(CLOCK, () -> "event-" + ids.incrementAndGet(), new JsonCodec().mapper());

  private String line(String target, String body) throws Exception {
    return new AuditJson().line(event(target, body));
  }

  private trent.domain.audit.AuditEvent event(String target, String body) throws Exception {
    List<Map.Entry<String, String>> headers = List.of(
        Map.entry("Host", "127.0.0.1"),
        Map.entry("Content-Type", "application/x-amz-json-1.1"),
        Map.entry("X-Amz-Target", "TrentService." + target),
        Map.entry("X-Amz-Date", "20261123T120000Z"),
        Map.entry("User-Agent", "aws-sdk-java/2.40.2"),
        Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/kms/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64)));
    dispatcher.dispatch(new IncomingRequest("req-" + (seen.size() + 1), "POST", "/", "", headers,
        body.getBytes(StandardCharsets.UTF_8), "192.0.2.10")).get();
    return events.of(seen.get(seen.size() - 1));
  }

  /**
   * Events of like requests share what repeats (the console keeps thousands in memory), yet each
   * line still shows its own request: parameters listed in another order are not shared.
   */
  @Test
  void likeRequestsShareTheirRepeatedPartsAndEachLineStillShowsItsOwnRequest() throws Exception {
    String body = "{\"KeyId\":\"alias/app\",\"Plaintext\":\"AA==\",\"EncryptionContext\":{\"a\":\"1\",\"b\":\"2\"}}";
    trent.domain.audit.AuditEvent first = event("Encrypt", body);
    trent.domain.audit.AuditEvent second = event("Encrypt", body);
    trent.domain.audit.AuditEvent reordered = event("Encrypt",
        "{\"KeyId\":\"alias/app\",\"Plaintext\":\"AA==\",\"EncryptionContext\":{\"b\":\"2\",\"a\":\"1\"}}");
    trent.domain.audit.AuditEvent other = event("Encrypt", "{\"KeyId\":\"alias/other\",\"Plaintext\":\"AA==\"}");

    assertThat(second.requestParameters()).isSameAs(first.requestParameters());
    assertThat(second.userIdentity()).isSameAs(first.userIdentity());
    assertThat(second.resources()).isSameAs(first.resources());
    assertThat(reordered.requestParameters()).isNotSameAs(second.requestParameters());
    AuditJson json = new AuditJson();
    assertThat(json.line(second)).isEqualTo(json.line(first).replace("req-1", "req-2").replace("event-1", "event-2"))
        .contains("\"encryptionContext\":{\"a\":\"1\",\"b\":\"2\"}");
    assertThat(json.line(reordered)).contains("\"encryptionContext\":{\"b\":\"2\",\"a\":\"1\"}");
    assertThat(json.line(other)).contains("\"requestParameters\":{\"keyId\":\"alias/other\"}");
  }

  @Test
  void encryptRecordsTheKeyAndContextButNeitherPlaintextNorCiphertext() throws Exception {
    String line = line("Encrypt", "{\"KeyId\":\"alias/app\",\"Plaintext\":\"c2VjcmV0LXBsYWludGV4dA==\","
        + "\"EncryptionContext\":{\"purpose\":\"test\"},\"GrantTokens\":[\"grant-token-secret\"]}");
    assertThat(line).isEqualTo("{\"eventVersion\":\"1.08\","
        + "\"userIdentity\":{\"type\":\"Root\",\"principalId\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:root\","
        + "\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIDEXAMPLE\"},"
        + "\"eventTime\":\"2026-11-23T12:00:00Z\",\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Encrypt\","
        + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"192.0.2.10\",\"userAgent\":\"aws-sdk-java/2.40.2\","
        + "\"requestParameters\":{\"keyId\":\"alias/app\",\"encryptionContext\":{\"purpose\":\"test\"}},"
        + "\"responseElements\":null,\"requestID\":\"req-1\",\"eventID\":\"event-1\",\"readOnly\":true,"
        + "\"resources\":[{\"accountId\":\"111122223333\",\"type\":\"AWS::KMS::Key\",\"ARN\":\"" + KEY_ARN + "\"}],"
        + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
        + "\"eventCategory\":\"Management\"}");
    assertThat(line).doesNotContain("c2VjcmV0").doesNotContain("grant-token-secret")
        .doesNotContain("Q0lQSEVSVEVYVC1CWVRFUw"); // base64 of the ciphertext blob
  }

  @Test
  void aFailureRecordsItsErrorAndTheKeyNamedByTheRequest() throws Exception {
    String line = line("DisableKey", "{\"KeyId\":\"" + KEY_ID + "\"}");
    assertThat(line).isEqualTo("{\"eventVersion\":\"1.08\","
        + "\"userIdentity\":{\"type\":\"Root\",\"principalId\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:root\","
        + "\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIDEXAMPLE\"},"
        + "\"eventTime\":\"2026-11-23T12:00:00Z\",\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"DisableKey\","
        + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"192.0.2.10\",\"userAgent\":\"aws-sdk-java/2.40.2\","
        + "\"errorCode\":\"KMSInvalidStateException\",\"errorMessage\":\"" + KEY_ARN + " is pending deletion.\","
        + "\"requestParameters\":{\"keyId\":\"" + KEY_ID + "\"},"
        + "\"responseElements\":null,\"requestID\":\"req-1\",\"eventID\":\"event-1\",\"readOnly\":false,"
        + "\"resources\":[{\"accountId\":\"111122223333\",\"type\":\"AWS::KMS::Key\","
        + "\"ARN\":\"arn:aws:kms:eu-west-1:111122223333:key/" + KEY_ID + "\"}],"
        + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
        + "\"eventCategory\":\"Management\"}");
  }

  @Test
  void anUnknownTargetIsRecordedUnderItsNameWithTheClaimedAccessKey() throws Exception {
    String line = line("Frobnicate", "{}");
    assertThat(line).isEqualTo("{\"eventVersion\":\"1.08\","
        + "\"userIdentity\":{\"type\":\"Unknown\",\"accessKeyId\":\"AKIDEXAMPLE\"},"
        + "\"eventTime\":\"2026-11-23T12:00:00Z\",\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Frobnicate\","
        + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"192.0.2.10\",\"userAgent\":\"aws-sdk-java/2.40.2\","
        + "\"errorCode\":\"UnknownOperationException\",\"errorMessage\":null,"
        + "\"requestParameters\":null,\"responseElements\":null,\"requestID\":\"req-1\",\"eventID\":\"event-1\","
        + "\"readOnly\":false,\"resources\":[],"
        + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":null,"
        + "\"eventCategory\":\"Management\"}");
  }

  @Test
  void createKeyRecordsTheNewKeysMetadata() throws Exception {
    String line = line("CreateKey", "{\"Description\":\"orders\",\"KeySpec\":\"SYMMETRIC_DEFAULT\"}");
    assertThat(line).isEqualTo("{\"eventVersion\":\"1.08\","
        + "\"userIdentity\":{\"type\":\"Root\",\"principalId\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:root\","
        + "\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIDEXAMPLE\"},"
        + "\"eventTime\":\"2026-11-23T12:00:00Z\",\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"CreateKey\","
        + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"192.0.2.10\",\"userAgent\":\"aws-sdk-java/2.40.2\","
        + "\"requestParameters\":{\"description\":\"orders\",\"keySpec\":\"SYMMETRIC_DEFAULT\"},"
        + "\"responseElements\":{\"keyMetadata\":{\"aWSAccountId\":\"111122223333\",\"keyId\":\"" + KEY_ID + "\","
        + "\"arn\":\"" + KEY_ARN + "\",\"creationDate\":\"2026-11-23T12:00:00Z\",\"enabled\":true,\"description\":\"orders\","
        + "\"keyUsage\":\"ENCRYPT_DECRYPT\",\"keyState\":\"Enabled\",\"origin\":\"AWS_KMS\",\"keyManager\":\"CUSTOMER\","
        + "\"customerMasterKeySpec\":\"SYMMETRIC_DEFAULT\",\"keySpec\":\"SYMMETRIC_DEFAULT\","
        + "\"encryptionAlgorithms\":[\"SYMMETRIC_DEFAULT\"],\"multiRegion\":false}},"
        + "\"requestID\":\"req-1\",\"eventID\":\"event-1\",\"readOnly\":false,"
        + "\"resources\":[{\"accountId\":\"111122223333\",\"type\":\"AWS::KMS::Key\",\"ARN\":\"" + KEY_ARN + "\"}],"
        + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
        + "\"eventCategory\":\"Management\"}");
  }
}
