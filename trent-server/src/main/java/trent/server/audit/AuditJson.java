package trent.server.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import trent.domain.audit.AuditEvent;
import trent.domain.audit.UserIdentity;

/**
 * Writes an {@link AuditEvent} as one line of JSON in CloudTrail's record shape, members in
 * CloudTrail's order. {@code eventTime}, and the times inside {@code responseElements}, are
 * ISO-8601 UTC to the second.
 */
final class AuditJson {

  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonFactory factory = mapper.getFactory();

  String line(AuditEvent e) {
    StringWriter text = new StringWriter(512);
    try (JsonGenerator g = factory.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("eventVersion", AuditEvent.EVENT_VERSION);
      userIdentity(g, e.userIdentity());
      g.writeStringField("eventTime", DateTimeFormatter.ISO_INSTANT.format(e.eventTime().truncatedTo(ChronoUnit.SECONDS)));
      g.writeStringField("eventSource", AuditEvent.EVENT_SOURCE);
      g.writeStringField("eventName", e.eventName());
      g.writeStringField("awsRegion", e.awsRegion());
      g.writeStringField("sourceIPAddress", e.sourceIpAddress());
      g.writeStringField("userAgent", e.userAgent());
      if (e.errorCode() != null) {
        g.writeStringField("errorCode", e.errorCode());
        g.writeStringField("errorMessage", e.errorMessage());
      }
      g.writeFieldName("requestParameters");
      mapper.writeValue(g, e.requestParameters());
      g.writeFieldName("responseElements");
      mapper.writeValue(g, e.responseElements());
      g.writeStringField("requestID", e.requestId());
      g.writeStringField("eventID", e.eventId());
      g.writeBooleanField("readOnly", e.readOnly());
      g.writeArrayFieldStart("resources");
      for (AuditEvent.Resource r : e.resources()) {
        g.writeStartObject();
        g.writeStringField("accountId", r.accountId());
        g.writeStringField("type", r.type());
        g.writeStringField("ARN", r.arn());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("eventType", AuditEvent.EVENT_TYPE);
      g.writeBooleanField("managementEvent", true);
      g.writeStringField("recipientAccountId", e.recipientAccountId());
      g.writeStringField("eventCategory", AuditEvent.EVENT_CATEGORY);
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return text.toString();
  }

  private static void userIdentity(JsonGenerator g, UserIdentity u) throws IOException {
    g.writeObjectFieldStart("userIdentity");
    g.writeStringField("type", u.type());
    if (u.principalId() != null) {
      g.writeStringField("principalId", u.principalId());
    }
    if (u.arn() != null) {
      g.writeStringField("arn", u.arn());
    }
    if (u.accountId() != null) {
      g.writeStringField("accountId", u.accountId());
    }
    if (u.accessKeyId() != null) {
      g.writeStringField("accessKeyId", u.accessKeyId());
    }
    g.writeEndObject();
  }
}
