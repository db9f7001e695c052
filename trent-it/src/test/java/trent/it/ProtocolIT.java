package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wire protocol for requests no SDK would send. */
class ProtocolIT {

  static RunningTrent trent;
  static RawHttp http;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode();
    http = new RawHttp(trent.server().endpoint());
  }

  @AfterAll
  static void stop() throws Exception {
    trent.close();
  }

  static JsonNode assertError(HttpResponse<String> response, int status, String type) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(
        id -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("__type").asText()).isEqualTo(type);
    return body;
  }

  @Test
  void aSuccessfulAnswerCarriesARequestIdAndTheJsonContentType() throws Exception {
    HttpResponse<String> response = http.send(http.kms("TrentService.ListKeys", "{}").build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(JSON.readTree(response.body()).path("Truncated").isBoolean()).isTrue();
  }

  @Test
  void anEmptyBodyIsAnEmptyObject() throws Exception {
    HttpResponse<String> response = http.send(http.kms("TrentService.ListKeys", "").build());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void malformedJsonIsASerializationException() throws Exception {
    assertError(http.send(http.kms("TrentService.ListKeys", "{\"Limit\": ").build()), 400, "SerializationException");
    assertError(http.send(http.kms("TrentService.ListKeys", "[1,2]").build()), 400, "SerializationException");
  }

  @Test
  void aMemberOfTheWrongJsonTypeIsASerializationException() throws Exception {
    assertError(http.send(http.kms("TrentService.ListKeys", "{\"Limit\":\"5\"}").build()), 400, "SerializationException");
  }

  @Test
  void constraintViolationsAreValidationExceptionsWithAwsText() throws Exception {
    JsonNode body = assertError(http.send(http.kms("TrentService.ListKeys", "{\"Limit\":0}").build()), 400,
        "ValidationException");
    assertThat(body.path("message").asText()).isEqualTo(
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    JsonNode missing = assertError(http.send(http.kms("TrentService.DescribeKey", "{}").build()), 400,
        "ValidationException");
    assertThat(missing.path("message").asText()).contains("'keyId'").contains("Member must not be null");
  }

  @Test
  void unknownMembersAreIgnored() throws Exception {
    HttpResponse<String> response = http.send(http.kms("TrentService.ListKeys", "{\"Limit\":5,\"Bogus\":true}").build());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownOrMissingTargetIsAnUnknownOperation() throws Exception {
    assertError(http.send(http.kms("TrentService.MakeCoffee", "{}").build()), 400, "UnknownOperationException");
    assertError(http.send(http.kms("OtherService.ListKeys", "{}").build()), 400, "UnknownOperationException");
    assertError(http.send(http.kms(null, "{}").build()), 400, "UnknownOperationException");
  }

  /**
   * Every one of the model's operations (the 54 of OPERATIONS.md, read from the model the server
   * validates with) is served: an empty request is answered by the operation (a result or one of
   * its errors, most often the ValidationException of its required members), never as an unknown
   * or not yet built operation.
   */
  @Test
  void everyOperationOfTheModelIsServed() throws Exception {
    JsonNode model;
    try (var in = trent.protocol.Dispatcher.class.getResourceAsStream("/trent/protocol/model/kms-model.json")) {
      model = JSON.readTree(in);
    }
    List<String> operations = new ArrayList<>();
    model.path("operations").fieldNames().forEachRemaining(operations::add);
    assertThat(operations).hasSize(54);
    List<String> unserved = new ArrayList<>();
    for (String operation : operations) {
      HttpResponse<String> response = http.send(http.kms("TrentService." + operation, "{}").build());
      JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
      String type = body.path("__type").asText();
      if (type.equals("UnknownOperationException")
          || body.path("message").asText().equals(operation + " is not supported by this server yet.")) {
        unserved.add(operation + ": " + response.body());
      }
    }
    assertThat(unserved).isEmpty();
  }

  @Test
  void aContentTypeOtherThanAwsJsonIsRefused() throws Exception {
    HttpRequest request = http.kms("TrentService.ListKeys", "{}").setHeader("Content-Type", "text/plain").build();
    assertError(http.send(request), 400, "UnknownOperationException");
  }

  @Test
  void aRequestWithoutAuthorizationIsRefused() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(trent.server().endpoint().resolve("/"))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "TrentService.ListKeys")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();
    assertError(http.send(request), 400, "MissingAuthenticationTokenException");
    HttpRequest garbled = http.kms("TrentService.ListKeys", "{}")
        .setHeader("Authorization", "AWS4-HMAC-SHA256 Credential=nonsense").build();
    assertError(http.send(garbled), 400, "IncompleteSignatureException");
  }

  @Test
  void aBodyOverTheLimitGetsA413WithAnErrorBody() throws Exception {
    String huge = "{\"Description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    HttpResponse<String> response = http.send(http.kms("TrentService.CreateKey", huge).build());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).path("__type").asText()).isNotEmpty();
    // The server keeps serving.
    assertThat(http.send(http.kms("TrentService.ListKeys", "{}").build()).statusCode()).isEqualTo(200);
  }
}
