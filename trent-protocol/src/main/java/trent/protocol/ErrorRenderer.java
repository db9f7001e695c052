package trent.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.domain.error.KMSInternalException;
import trent.domain.error.KmsException;

/**
 * The one place that turns a failure into {@code {"__type": ..., "message": ...}}.
 *
 * <p>A {@link KmsException} is sent with its code, status and message. Anything else is a server
 * fault: the caller gets {@code KMSInternalException} with a generic message, and the cause goes to
 * the log with the request id, never to the caller.
 */
public final class ErrorRenderer {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorRenderer.class);

  private final ObjectMapper mapper;

  public ErrorRenderer(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public Answer render(Throwable failure, String operation, String requestId) {
    KmsException error;
    if (failure instanceof KmsException known) {
      error = known;
      if (error.fault() == KmsException.Fault.SERVER && error.getCause() != null) {
        LOG.error("request {} ({}) failed: {}", requestId, operation, error.errorCode(), error.getCause());
      }
    } else {
      LOG.error("request {} ({}) failed unexpectedly", requestId, operation, failure);
      error = KMSInternalException.unexpected(failure);
    }
    ObjectNode body = mapper.createObjectNode();
    body.put("__type", error.errorCode());
    String message = error.getMessage();
    if (message != null && !message.isEmpty()) {
      body.put("message", message);
    }
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (Exception e) {
      bytes = ("{\"__type\":\"" + KMSInternalException.CODE + "\"}").getBytes(StandardCharsets.UTF_8);
    }
    return new Answer(error.httpStatus(), bytes, operation, error.errorCode());
  }
}
