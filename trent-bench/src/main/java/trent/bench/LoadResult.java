package trent.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one measurement gave: the number of answered requests, their latencies (microseconds) and
 * every failure, by HTTP status and {@code __type}, or by kind of socket error.
 *
 * @param elapsed from the start of the measurement to the last measured answer
 * @param requests measured requests that were answered, whatever the status
 * @param examples for each HTTP error key, the first {@code message} seen
 * @param clientCpu CPU time the load generator's process used during the measurement (zero when
 *     the JVM cannot tell); on a machine shared with the server, this is what the client took
 * @param serverCpu CPU time the server's process used during the measurement, when the server runs
 *     on this machine and its pid was given; null otherwise
 */
public record LoadResult(
    String operation,
    int connections,
    Duration warmup,
    Duration elapsed,
    long requests,
    Histogram latencyMicros,
    Map<String, Long> httpErrors,
    Map<String, Long> socketErrors,
    Map<String, String> examples,
    Duration clientCpu,
    Duration serverCpu) {

  public long non2xx() {
    return httpErrors.values().stream().mapToLong(Long::longValue).sum();
  }

  public long socketErrorCount() {
    return socketErrors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** True when every measured request was answered 2xx and no socket error happened. */
  public boolean clean() {
    return non2xx() == 0 && socketErrorCount() == 0;
  }

  public double requestsPerSecond() {
    return requests / (elapsed.toNanos() / 1e9);
  }

  /** Latency at {@code percentile} (0..100) in milliseconds. */
  public double latencyMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** A few aligned lines for people; stable enough to grep. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    line(sb, "operation", operation);
    line(sb, "connections", Integer.toString(connections));
    line(sb, "warm-up", seconds(warmup));
    line(sb, "duration", seconds(elapsed));
    line(sb, "requests", Long.toString(requests));
    line(sb, "req/s", String.format(Locale.ROOT, "%.1f", requestsPerSecond()));
    line(sb, "latency", String.format(Locale.ROOT, "p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms",
        latencyMillis(50), latencyMillis(99), latencyMillis(99.9), latencyMicros.getMaxValue() / 1000.0));
    line(sb, "client CPU", String.format(Locale.ROOT, "%.2f s (%.1f us per request)",
        clientCpu.toNanos() / 1e9, requests == 0 ? 0.0 : clientCpu.toNanos() / 1e3 / requests));
    if (serverCpu != null) {
      line(sb, "server CPU", String.format(Locale.ROOT, "%.2f s (%.1f us per request)",
          serverCpu.toNanos() / 1e9, requests == 0 ? 0.0 : serverCpu.toNanos() / 1e3 / requests));
    }
    line(sb, "non-2xx", Long.toString(non2xx()));
    for (String k : LoadRun.sortedKeys(httpErrors)) {
      String example = examples.getOrDefault(k, "");
      sb.append(String.format(Locale.ROOT, "    %8d  %s%s%n", httpErrors.get(k), k,
          example.isEmpty() ? "" : "  (\"" + example + "\")"));
    }
    line(sb, "socket errors", Long.toString(socketErrorCount()));
    for (String k : LoadRun.sortedKeys(socketErrors)) {
      sb.append(String.format(Locale.ROOT, "    %8d  %s%n", socketErrors.get(k), k));
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, String value) {
    sb.append(String.format(Locale.ROOT, "%-14s%s%n", name, value));
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
  }
}
