package trent.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Sends requests the AWS SDK cannot send (bad JSON, missing signatures, odd headers). In
 * development mode the signature is not checked, only the Authorization header's form.
 */
final class RawHttp {

  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final URI endpoint;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  RawHttp(URI endpoint) {
    this.endpoint = endpoint;
  }

  static String wellFormedAuthorization(ZonedDateTime now) {
    String date = now.format(DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8);
    return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + date + "/us-east-1/kms/aws4_request, "
        + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64);
  }

  HttpRequest.Builder kms(String target, String body) {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/"))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Date", now.format(AMZ_DATE))
        .header("Authorization", wellFormedAuthorization(now))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    return b;
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
