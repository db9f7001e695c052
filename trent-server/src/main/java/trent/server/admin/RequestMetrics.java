package trent.server.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import trent.protocol.Answer;
import trent.protocol.Exchange;
import trent.protocol.RequestObserver;

/**
 * Counts and times every answered request in one timer, {@code trent.requests}, tagged with the
 * operation ({@code -} when the request named none this server answers), the outcome
 * ({@code success}, {@code client_fault}, {@code server_fault}) and the error code ({@code none}
 * on success). In Prometheus: {@code trent_requests_seconds_count}, {@code _sum}, {@code _max}
 * and {@code _bucket} at a few fixed bounds.
 *
 * <p>The hot path allocates nothing here: each operation's success timer is registered at start,
 * and error timers are found in a per-operation map once first used (error codes are a closed
 * set, and unknown operation names all share the tag {@code -}, so the number of series is
 * bounded whatever callers send).
 */
public final class RequestMetrics implements RequestObserver {

  static final String NAME = "trent.requests";
  static final String UNKNOWN = "-";
  private static final Duration[] BOUNDS = {
      Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofSeconds(1)};

  private final MeterRegistry registry;
  private final Map<String, OperationTimers> byOperation = new ConcurrentHashMap<>();
  private final OperationTimers unknown;

  public RequestMetrics(MeterRegistry registry, Collection<String> operations) {
    this.registry = registry;
    for (String operation : operations) {
      byOperation.put(operation, new OperationTimers(operation));
    }
    this.unknown = new OperationTimers(UNKNOWN);
  }

  @Override
  public void answered(Exchange exchange) {
    long nanos = System.nanoTime() - exchange.startNanos();
    String operation = exchange.operation();
    OperationTimers timers = operation == null ? unknown : byOperation.get(operation);
    if (timers == null) {
      timers = unknown;
    }
    timers.timer(exchange.answer()).record(nanos, TimeUnit.NANOSECONDS);
  }

  private final class OperationTimers {
    private final String operation;
    private final Timer success;
    private final Map<String, Timer> errors = new ConcurrentHashMap<>();

    OperationTimers(String operation) {
      this.operation = operation;
      this.success = timer("success", "none");
    }

    Timer timer(Answer answer) {
      String code = answer.errorCode();
      if (code == null) {
        return success;
      }
      Timer timer = errors.get(code);
      if (timer == null) {
        String outcome = answer.status() >= 500 ? "server_fault" : "client_fault";
        timer = errors.computeIfAbsent(code, c -> timer(outcome, c));
      }
      return timer;
    }

    private Timer timer(String outcome, String errorCode) {
      return Timer.builder(NAME)
          .description("KMS API requests answered, by operation and outcome")
          .tag("operation", operation)
          .tag("outcome", outcome)
          .tag("errorCode", errorCode)
          .serviceLevelObjectives(BOUNDS)
          .register(registry);
    }
  }
}
