package trent.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToDoubleFunction;
import trent.domain.key.KeyCache;
import trent.protocol.RequestObserver;
import trent.protocol.audit.AuditEvents;
import trent.server.admin.RequestMetrics;
import trent.server.audit.AuditWriter;
import trent.server.audit.RecentAuditEvents;
import trent.domain.audit.AuditEvent;

/**
 * What sits around the operations of one server: its meter registry (requests, caches, audit
 * queue, JVM) and, when configured, its audit log. Built per server, like everything else.
 */
final class Observability implements AutoCloseable {

  private final PrometheusMeterRegistry registry;
  /** The JVM's meters, bound on a thread of their own (see {@link #start}); done before any scrape. */
  private final CompletableFuture<JvmGcMetrics> jvm;
  private final AuditWriter audit;
  private final RequestObserver observer;
  private final RecentAuditEvents recent;

  private Observability(PrometheusMeterRegistry registry, CompletableFuture<JvmGcMetrics> jvm, AuditWriter audit,
      RequestObserver observer, RecentAuditEvents recent) {
    this.recent = recent;
    this.registry = registry;
    this.jvm = jvm;
    this.audit = audit;
    this.observer = observer;
  }

  static Observability start(TrentConfig config, Collection<String> operations, KeyCache cache, ObjectMapper wire) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // The JVM's meters start its management beans, a noticeable part of a server's start: bound on
    // a thread of their own while the rest starts, and awaited before the first scrape.
    CompletableFuture<JvmGcMetrics> jvm = new CompletableFuture<>();
    Thread binder = new Thread(() -> {
      try {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        jvm.complete(gc);
      } catch (RuntimeException | Error e) {
        jvm.completeExceptionally(e);
      }
    }, "trent-jvm-metrics");
    binder.setDaemon(true);
    binder.start();
    for (String name : cache.stats().keySet()) {
      cacheCounter(registry, cache, name, "hit", s -> s.hitCount());
      cacheCounter(registry, cache, name, "miss", s -> s.missCount());
      FunctionCounter.builder("trent.cache.evictions", cache, c -> c.stats().get(name).evictionCount())
          .description("Entries evicted from the key cache").tag("cache", name).register(registry);
    }
    RequestObserver observer = new RequestMetrics(registry, operations);
    AuditEvents events = new AuditEvents(config.clock(), AuditEvents::randomEventId, wire);
    RecentAuditEvents recent = new RecentAuditEvents(RecentAuditEvents.DEFAULT_CAPACITY);
    AuditWriter audit = null;
    if (config.auditTarget() != null) {
      audit = AuditWriter.open(config.auditTarget(), config.auditQueueSize(), config.auditDropWhenFull());
      AuditWriter writer = audit;
      Gauge.builder("trent.audit.queue.depth", writer, AuditWriter::queued)
          .description("Audit events waiting to be written").register(registry);
      FunctionCounter.builder("trent.audit.events", writer, AuditWriter::written)
          .description("Audit events, by what became of them").tag("result", "written").register(registry);
      FunctionCounter.builder("trent.audit.events", writer, AuditWriter::dropped)
          .description("Audit events, by what became of them").tag("result", "dropped").register(registry);
      FunctionCounter.builder("trent.audit.events", writer, AuditWriter::failed)
          .description("Audit events, by what became of them").tag("result", "failed").register(registry);
    }
    // One event per request: to the audit log when there is one, and to the console's recent events.
    AuditWriter auditLog = audit;
    observer = observer.andThen(exchange -> {
      AuditEvent event = events.of(exchange);
      recent.add(event);
      if (auditLog != null) {
        auditLog.submit(event);
      }
    });
    return new Observability(registry, jvm, audit, observer, recent);
  }

  private static void cacheCounter(PrometheusMeterRegistry registry, KeyCache cache, String name, String result,
      ToDoubleFunction<com.github.benmanes.caffeine.cache.stats.CacheStats> count) {
    FunctionCounter.builder("trent.cache.requests", cache, c -> count.applyAsDouble(c.stats().get(name)))
        .description("Key cache lookups, by cache and result").tag("cache", name).tag("result", result)
        .register(registry);
  }

  /** The last audit events, for the console's audit view (kept with or without an audit log). */
  RecentAuditEvents recentEvents() {
    return recent;
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Returns once the JVM's meters are bound (call before a scrape, so that it always has them). */
  void awaitJvmMetrics() {
    jvm.join();
  }

  /** Metrics first, then audit: every answered request goes through both. */
  RequestObserver observer() {
    return observer;
  }

  /** Writes the audit events still queued, then releases the meters. Call after the listener stopped. */
  @Override
  public void close() {
    if (audit != null) {
      audit.close(Duration.ofSeconds(30));
    }
    jvm.join().close();
    registry.close();
  }
}
