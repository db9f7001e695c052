package trent.bench;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One closed-loop run: {@code connections} keep-alive connections, each with exactly one request in
 * flight, sending the next request as soon as the previous answer arrives.
 *
 * <p>Phases: a warm-up whose answers are not recorded, then the measurement, which ends after a
 * duration or after a number of requests. A request is measured when it was <em>sent</em> during
 * the measurement; after it ends no new request is sent, the ones in flight are awaited (up to a
 * timeout, after which each counts as a socket error) and every connection is closed. Latency is
 * from just before the request is signed to the whole answer having arrived.
 *
 * <p>All per-request bookkeeping happens on the connection's event loop thread, in statistics
 * owned by that thread, so the hot path takes no locks; they are merged at the end.
 */
final class LoadRun {

  /** How a run is set up. {@code requests > 0} measures that many requests instead of a duration. */
  /** @param serverPid the server's process id when it runs on this machine (its CPU is reported), else 0 */
  record Plan(int connections, Duration warmup, Duration duration, long requests, Duration drainTimeout,
      long serverPid) {
    Plan {
      if (connections < 1) {
        throw new IllegalArgumentException("connections must be at least 1");
      }
      if (requests <= 0 && duration.isZero()) {
        throw new IllegalArgumentException("duration must be positive");
      }
    }
  }

  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
  private static final int WARMUP = 0;
  private static final int MEASURE = 1;
  private static final int DONE = 2;

  private final KmsHttpClient client;
  private final String operation;
  private final byte[] body;
  private final Plan plan;
  private final Map<EventExecutor, Stats> statsByLoop = new IdentityHashMap<>();
  private final AtomicLong permits;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile int phase = WARMUP;
  private volatile long measureStartNanos;

  LoadRun(KmsHttpClient client, String operation, byte[] body, Plan plan) {
    this.client = client;
    this.operation = operation;
    this.body = body;
    this.plan = plan;
    this.permits = new AtomicLong(plan.requests() > 0 ? plan.requests() : Long.MAX_VALUE);
    for (EventExecutor loop : client.group()) {
      statsByLoop.put(loop, new Stats());
    }
  }

  LoadResult run() throws InterruptedException {
    for (int i = 0; i < plan.connections(); i++) {
      connect();
    }
    sleep(plan.warmup());
    long cpuStart = processCpuNanos();
    long serverCpuStart = serverCpuNanos();
    measureStartNanos = System.nanoTime();
    phase = MEASURE;
    if (plan.requests() <= 0) {
      sleep(plan.duration());
      phase = DONE;
    }
    boolean complete;
    if (plan.requests() > 0) {
      // The last permit ends the measurement (see mayMeasure); give up only when no request was
      // sent for a whole drain timeout.
      long before;
      do {
        before = permits.get();
        complete = awaitDrained(plan.drainTimeout());
      } while (!complete && permits.get() != before);
    }
    phase = DONE;
    checkDrained();
    complete = awaitDrained(plan.drainTimeout());
    long cpuNanos = processCpuNanos() - cpuStart;
    long serverCpuNanos = serverCpuStart < 0 ? -1 : serverCpuNanos() - serverCpuStart;
    Stats total = collect(!complete);
    long endNanos = total.lastAnswerNanos == 0 ? System.nanoTime() : total.lastAnswerNanos;
    return new LoadResult(operation, plan.connections(), plan.warmup(),
        Duration.ofNanos(Math.max(1, endNanos - measureStartNanos)), total.count, total.histogram,
        total.httpErrors, total.socketErrors, total.examples, Duration.ofNanos(Math.max(0, cpuNanos)),
        serverCpuNanos < 0 ? null : Duration.ofNanos(serverCpuNanos));
  }

  /**
   * CPU time (user + system) of the server's process so far, read from the operating system
   * (/proc on Linux, in clock ticks); -1 without a server pid or when the system cannot tell.
   */
  private long serverCpuNanos() {
    if (plan.serverPid() <= 0) {
      return -1;
    }
    return ProcessHandle.of(plan.serverPid()).flatMap(p -> p.info().totalCpuDuration())
        .map(Duration::toNanos).orElse(-1L);
  }

  /** CPU time of this whole process so far, to show what the client itself costs; 0 if unknown. */
  private static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private boolean awaitDrained(Duration timeout) throws InterruptedException {
    try {
      drained.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void sleep(Duration d) throws InterruptedException {
    if (!d.isZero()) {
      Thread.sleep(d.toMillis());
    }
  }

  /** Merges the per-thread statistics, on their own threads; counts what is still in flight. */
  private Stats collect(boolean countOutstanding) throws InterruptedException {
    Stats total = new Stats();
    for (Map.Entry<EventExecutor, Stats> e : statsByLoop.entrySet()) {
      try {
        e.getKey().submit(() -> {
          total.addFrom(e.getValue());
          return null;
        }).get();
      } catch (ExecutionException ex) {
        throw new IllegalStateException(ex.getCause());
      }
    }
    if (countOutstanding && inFlight.get() > 0) {
      total.socketErrors.merge("timeout: no answer within " + plan.drainTimeout().toSeconds()
          + " s after the end", (long) inFlight.get(), Long::sum);
    }
    return total;
  }

  private void connect() {
    if (phase == DONE) {
      return;
    }
    ChannelFuture f = client.connect(Connection::new);
    f.addListener(done -> {
      if (!done.isSuccess()) {
        Stats stats = statsByLoop.get(f.channel().eventLoop());
        stats.socketError("connect", done.cause());
        connectionEnded(f.channel().eventLoop(), true);
      }
    });
  }

  /** A connection is gone: open another while the run goes on, after a pause if it failed. */
  private void connectionEnded(EventLoop loop, boolean failed) {
    if (phase != DONE && permits.get() > 0) {
      loop.schedule(this::connect, failed ? 100 : 0, TimeUnit.MILLISECONDS);
    }
    checkDrained();
  }

  private void checkDrained() {
    if (phase == DONE && inFlight.get() == 0) {
      drained.complete(null);
    }
  }

  /** In request-count mode, takes one permit; the measurement ends when none are left. */
  private boolean mayMeasure() {
    if (plan.requests() <= 0) {
      return true;
    }
    return permits.getAndDecrement() > 0;
  }

  private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
    private Stats stats;
    private boolean busy;
    private boolean measured;
    private long sentNanos;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      stats = statsByLoop.get(ctx.channel().eventLoop());
      sendNext(ctx);
    }

    private void sendNext(ChannelHandlerContext ctx) {
      int p = phase;
      if (p == DONE) {
        ctx.close();
        return;
      }
      if (p == MEASURE && !mayMeasure()) {
        phase = DONE;
        ctx.close();
        return;
      }
      measured = p == MEASURE;
      busy = true;
      inFlight.incrementAndGet();
      sentNanos = System.nanoTime();
      ctx.writeAndFlush(client.newRequest(operation, body), ctx.voidPromise());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
      long now = System.nanoTime();
      if (!busy) {
        stats.socketErrors.merge("answer without a request", 1L, Long::sum);
        ctx.close();
        return;
      }
      if (measured) {
        stats.count++;
        stats.histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (now - sentNanos) / 1_000)));
        stats.lastAnswerNanos = now;
        int status = msg.status().code();
        if (status / 100 != 2) {
          KmsHttpClient.Response r = KmsHttpClient.Response.of(status, ByteBufUtil.getBytes(msg.content()));
          String key = "HTTP " + status + " " + (r.errorType().isEmpty() ? "(no __type)" : r.errorType());
          stats.httpErrors.merge(key, 1L, Long::sum);
          stats.examples.putIfAbsent(key, r.message());
        }
      }
      busy = false;
      inFlight.decrementAndGet();
      sendNext(ctx);
      checkDrained();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      stats.socketError("read/write", cause);
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (busy) {
        busy = false;
        inFlight.decrementAndGet();
        stats.socketErrors.merge("connection closed with a request in flight", 1L, Long::sum);
      }
      connectionEnded(ctx.channel().eventLoop(), false);
    }
  }

  /** Statistics of one event loop thread; touched only on that thread (or merged on it). */
  static final class Stats {
    final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
    final Map<String, Long> httpErrors = new HashMap<>();
    final Map<String, Long> socketErrors = new HashMap<>();
    final Map<String, String> examples = new HashMap<>();
    long count;
    long lastAnswerNanos;

    void socketError(String where, Throwable cause) {
      String key = where + ": " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
      socketErrors.merge(key, 1L, Long::sum);
    }

    void addFrom(Stats other) {
      histogram.add(other.histogram);
      other.httpErrors.forEach((k, v) -> httpErrors.merge(k, v, Long::sum));
      other.socketErrors.forEach((k, v) -> socketErrors.merge(k, v, Long::sum));
      other.examples.forEach(examples::putIfAbsent);
      count += other.count;
      lastAnswerNanos = Math.max(lastAnswerNanos, other.lastAnswerNanos);
    }
  }

  static List<String> sortedKeys(Map<String, Long> m) {
    List<String> keys = new ArrayList<>(m.keySet());
    keys.sort((a, b) -> Long.compare(m.get(b), m.get(a)));
    return keys;
  }
}
