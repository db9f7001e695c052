package trent.protocol;

/**
 * Sees every request the dispatcher answers, exactly once, after its answer is decided and before
 * it is sent: the place for metrics and audit, around the operations rather than inside them.
 *
 * <p>Called on the thread that produced the answer, which may be a network I/O thread: an
 * observer must be quick and must not block on I/O (hand slow work to another thread). An
 * exception thrown by an observer is logged and does not change the answer.
 */
@FunctionalInterface
public interface RequestObserver {

  RequestObserver NONE = exchange -> {};

  void answered(Exchange exchange);

  /** Calls {@code this}, then {@code next}. */
  default RequestObserver andThen(RequestObserver next) {
    return exchange -> {
      try {
        answered(exchange);
      } finally {
        next.answered(exchange);
      }
    };
  }
}
