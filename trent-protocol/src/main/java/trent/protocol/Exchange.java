package trent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import trent.ops.KeysUsed;

/**
 * One request and its answer, as the dispatcher saw them: what the pipeline around the operations
 * (metrics, audit) needs to know. The dispatcher fills it in as the request goes through its
 * steps, and hands it to the {@link RequestObserver} once the answer is decided; each member is
 * null when the request failed before that step.
 *
 * <p>{@link #output()} may hold plaintext (Decrypt, GenerateDataKey): observers must read from it
 * only what they are allowed to, and must not keep the exchange after they return.
 */
public final class Exchange {

  private final IncomingRequest request;
  private final long startNanos;
  private final KeysUsed keysUsed = new KeysUsed();
  private String target;
  private String operation;
  private Authenticator.Authenticated auth;
  private JsonNode body;
  private Object output;
  private Answer answer;

  Exchange(IncomingRequest request, long startNanos) {
    this.request = request;
    this.startNanos = startNanos;
  }

  public IncomingRequest request() {
    return request;
  }

  /** {@link System#nanoTime()} when the dispatcher received the request. */
  public long startNanos() {
    return startNanos;
  }

  /** The operation named by {@code X-Amz-Target} (after {@code TrentService.}), answered or not. */
  public String target() {
    return target;
  }

  /** The operation that answered, or null when the target is not one this server answers. */
  public String operation() {
    return operation;
  }

  /** The authenticated caller and Region, or null when authentication failed or was not reached. */
  public Authenticator.Authenticated auth() {
    return auth;
  }

  /** The parsed request body, or null when it was not reached or was not JSON. */
  public JsonNode body() {
    return body;
  }

  /** The operation's response record, or null when it failed. */
  public Object output() {
    return output;
  }

  /** The keys the operation noted as it resolved them. */
  public KeysUsed keysUsed() {
    return keysUsed;
  }

  public Answer answer() {
    return answer;
  }

  void target(String target) {
    this.target = target;
  }

  void operation(String operation) {
    this.operation = operation;
  }

  void auth(Authenticator.Authenticated auth) {
    this.auth = auth;
  }

  void body(JsonNode body) {
    this.body = body;
  }

  void output(Object output) {
    this.output = output;
  }

  void answer(Answer answer) {
    this.answer = answer;
  }
}
