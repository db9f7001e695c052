package trent.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import trent.domain.error.KmsUnsupportedOperationException;
import trent.domain.error.SerializationException;
import trent.domain.error.UnknownOperationException;
import trent.ops.BlockingRequired;
import trent.ops.CallContext;
import trent.ops.Operation;
import trent.ops.OperationTable;
import trent.protocol.json.JsonCodec;
import trent.protocol.model.ModelValidator;
import trent.protocol.sigv4.SignedRequest;
import trent.storage.StorageException;
import trent.domain.error.KMSInternalException;

/**
 * Answers one AWS JSON 1.1 request, in the order of {@code GENERATE_DATA_KEY_WITHOUT_PLAINTEXT.md}
 * section 8: target and JSON, then the signature, then the model's constraints, then the
 * operation. Operations that may block on storage run on the blocking executor; the others run on
 * the calling thread.
 *
 * <p>The returned future always completes normally: every failure becomes an error answer.
 */
public final class Dispatcher {

  static final String TARGET_PREFIX = "TrentService.";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Dispatcher.class);

  private final OperationTable operations;
  private final ModelValidator validator;
  private final Authenticator authenticator;
  private final JsonCodec codec;
  private final ErrorRenderer errors;
  private final Executor blockingExecutor;
  private final RequestObserver observer;

  public Dispatcher(OperationTable operations, ModelValidator validator, Authenticator authenticator,
      JsonCodec codec, Executor blockingExecutor) {
    this(operations, validator, authenticator, codec, blockingExecutor, RequestObserver.NONE);
  }

  /** A dispatcher that shows every answered request to {@code observer} (metrics, audit). */
  public Dispatcher(OperationTable operations, ModelValidator validator, Authenticator authenticator,
      JsonCodec codec, Executor blockingExecutor, RequestObserver observer) {
    this.observer = observer;
    this.operations = operations;
    this.validator = validator;
    this.authenticator = authenticator;
    this.codec = codec;
    this.errors = new ErrorRenderer(codec.mapper());
    this.blockingExecutor = blockingExecutor;
  }

  public CompletableFuture<Answer> dispatch(IncomingRequest request) {
    Exchange exchange = new Exchange(request, System.nanoTime());
    CompletableFuture<Answer> answer = answer(request, exchange);
    if (observer == RequestObserver.NONE) {
      return answer;
    }
    return answer.thenApply(a -> {
      exchange.answer(a);
      try {
        observer.answered(exchange);
      } catch (RuntimeException e) {
        LOG.error("request {}: observer failed", request.requestId(), e);
      }
      return a;
    });
  }

  private CompletableFuture<Answer> answer(IncomingRequest request, Exchange exchange) {
    Operation<?, ?> operation = null;
    try {
      operation = findOperation(request, exchange);
      exchange.operation(operation.name());
      Authenticator.Authenticated auth = authenticator.authenticate(new SignedRequest(
          request.method(), request.path(), request.query(), request.headers(), request.body()));
      exchange.auth(auth);
      JsonNode body = parse(request.body());
      exchange.body(body);
      validator.validate(operation.name(), body);
      Operation<?, ?> op = operation;
      CallContext context = new CallContext(request.requestId(), auth.caller(), auth.region(), request.sourceIp(),
          exchange.keysUsed(), op.blocking(), request.secureTransport());
      if (op.blocking()) {
        return CompletableFuture.supplyAsync(() -> run(op, body, context, exchange), blockingExecutor);
      }
      try {
        return CompletableFuture.completedFuture(run(op, body, context, exchange));
      } catch (BlockingRequired again) {
        // The request's key is in an external key store: its proxy is called from the worker pool.
        return CompletableFuture.supplyAsync(() -> run(op, body, context.blockable(), exchange), blockingExecutor);
      }
    } catch (Throwable e) {
      String name = operation == null ? null : operation.name();
      return CompletableFuture.completedFuture(errors.render(e, name, request.requestId()));
    }
  }

  private Operation<?, ?> findOperation(IncomingRequest request, Exchange exchange) {
    String target = request.header("X-Amz-Target");
    String name = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
    if (name != null) {
      exchange.target(name);
    }
    if (!"POST".equals(request.method()) || name == null || !isJsonProtocol(request.header("Content-Type"))) {
      throw new UnknownOperationException("");
    }
    return operations.find(name).orElseThrow(() -> validator.operations().contains(name)
        ? new KmsUnsupportedOperationException(name + " is not supported by this server yet.")
        : new UnknownOperationException(""));
  }

  /** AWS JSON requests say so in their content type; parameters such as a charset are allowed. */
  private static boolean isJsonProtocol(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.equalsIgnoreCase("application/x-amz-json-1.1") || type.equalsIgnoreCase("application/x-amz-json-1.0");
  }

  private JsonNode parse(byte[] body) {
    try {
      return codec.parse(body);
    } catch (IOException e) {
      throw new SerializationException("Malformed JSON in the request body.");
    }
  }

  private <I, O> Answer run(Operation<I, O> operation, JsonNode body, CallContext context, Exchange exchange) {
    try {
      I input;
      try {
        input = codec.bind(body, operation.inputType());
      } catch (JsonProcessingException e) {
        throw new SerializationException("The request body could not be read as " + operation.name() + " input.");
      }
      O output;
      try {
        output = operation.execute(input, context);
      } catch (BlockingRequired e) {
        if (context.mayBlock()) {
          throw new IllegalStateException("an operation asked to block on a thread that may", e);
        }
        throw e;
      }
      exchange.output(output);
      return new Answer(200, codec.write(output), operation.name(), null);
    } catch (BlockingRequired e) {
      throw e;
    } catch (StorageException e) {
      return errors.render(KMSInternalException.unexpected(e), operation.name(), context.requestId());
    } catch (Throwable e) {
      return errors.render(e, operation.name(), context.requestId());
    }
  }
}
