package trent.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Start time and idle memory of {@code java -jar trent.jar serve}, measured as
 * shared/BENCHMARKING.md says: from process start to the first answered request, polling every
 * 5 ms, median of {@code --runs} starts after one warm-up start.
 *
 * <p>The server runs with identities (signatures verified) on a free loopback port; the request is
 * a SigV4-signed {@code ListKeys}. Every start but the warm-up reuses the data dir the warm-up
 * created, as a restart does. After the last start the server is left idle for {@code --idle} and
 * its resident set size is read with {@code ps -o rss=}.
 */
@Command(name = "bench startup", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Start time (process start to first answered request) and idle RSS of the server.")
public final class StartupProbe implements Callable<Integer> {

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  @Option(names = "--jar", defaultValue = "trent-cli/target/trent.jar", description = "Default: ${DEFAULT-VALUE}")
  Path jar;

  @Option(names = "--java", defaultValue = "java", description = "The java launcher. Default: ${DEFAULT-VALUE}")
  String javaLauncher;

  @Option(names = "--jvm-opt", description = "An option for the server's JVM (repeatable), e.g. -XX:TieredStopAtLevel=1.")
  List<String> jvmOptions = new ArrayList<>();

  @Option(names = "--runs", defaultValue = "10", description = "Measured starts. Default: ${DEFAULT-VALUE}")
  int runs;

  @Option(names = "--idle", defaultValue = "5", description = "Seconds idle before reading RSS. Default: ${DEFAULT-VALUE}")
  int idleSeconds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new StartupProbe()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(jar)) {
      System.err.println("bench: no " + jar + "; build it first (./trent --version)");
      return 2;
    }
    Path dir = Files.createTempDirectory("trent-startup");
    try {
      String accessKey = "AKIDSTARTUP";
      byte[] secretBytes = new byte[20];
      new SecureRandom().nextBytes(secretBytes);
      String secret = HexFormat.of().formatHex(secretBytes);
      Path config = dir.resolve("trent.yaml");
      Files.writeString(config, "identities:\n  - accessKeyId: " + accessKey + "\n    secretAccessKey: " + secret
          + "\n    account: \"111122223333\"\n    arn: arn:aws:iam::111122223333:root\n");
      SigV4Signer signer = new SigV4Signer(accessKey, secret, "us-east-1", "kms");
      int port = freePort();
      Path dataDir = dir.resolve("data");

      Start first = start(config, dataDir, port, signer, false);
      System.out.printf(Locale.ROOT, "warm-up start (creates the data dir)  %.0f ms%n", first.millis);
      double[] millis = new double[runs];
      double[] cpu = new double[runs];
      long rssKib = -1;
      for (int i = 0; i < runs; i++) {
        Start s = start(config, dataDir, port, signer, i == runs - 1);
        millis[i] = s.millis;
        cpu[i] = s.cpuMillis;
        rssKib = s.rssKib >= 0 ? s.rssKib : rssKib;
        System.out.printf(Locale.ROOT, "start %2d  %.0f ms%s%s%n", i + 1, s.millis,
            s.cpuMillis < 0 ? "" : String.format(Locale.ROOT, "  (server CPU %.0f ms)", s.cpuMillis),
            s.status / 100 == 2 ? "" : "  (answered HTTP " + s.status + ")");
      }
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "%nstart to first answered request: median %.0f ms, min %.0f ms, max %.0f ms (%d runs)%n",
          median(sorted), sorted[0], sorted[runs - 1], runs);
      double[] sortedCpu = cpu.clone();
      Arrays.sort(sortedCpu);
      if (sortedCpu[0] >= 0) {
        // CPU time is what a busy machine changes least: wall time also counts waiting for a core.
        System.out.printf(Locale.ROOT, "server CPU time (user + system) until then: median %.0f ms, min %.0f ms, max %.0f ms%n",
            median(sortedCpu), sortedCpu[0], sortedCpu[runs - 1]);
      }
      System.out.printf(Locale.ROOT, "idle RSS after %d s: %.1f MiB (%d KiB)%n", idleSeconds, rssKib / 1024.0, rssKib);
      return 0;
    } finally {
      deleteRecursively(dir);
    }
  }

  private record Start(double millis, int status, long rssKib, double cpuMillis) {}

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** User + system CPU time of a process from /proc (Linux), in ms; -1 elsewhere. */
  private static double cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      return ticks * 1000.0 / CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Linux reports CPU times in clock ticks of 1/100 s on every common platform (sysconf(_SC_CLK_TCK)). */
  private static final int CLOCK_TICKS = 100;

  private Start start(Path config, Path dataDir, int port, SigV4Signer signer, boolean measureRss)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaLauncher);
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port),
        "--data-dir", dataDir.toString(), "--config", config.toString()));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      int status = -1;
      long next = t0;
      while (status < 0) {
        if (!p.isAlive()) {
          throw new IOException("the server exited with status " + p.exitValue() + " before answering");
        }
        if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
          throw new IOException("no answer within 60 s");
        }
        next += POLL_NANOS;
        status = tryRequest(port, signer);
        if (status < 0) {
          long wait = next - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
      }
      double millis = (System.nanoTime() - t0) / 1e6;
      double cpu = cpuMillis(p.pid());
      long rss = -1;
      if (measureRss) {
        Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
        rss = rssKib(p.pid());
      }
      return new Start(millis, status, rss, cpu);
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  /** Sends a signed ListKeys; returns the status, or -1 when nothing listens yet. */
  private static int tryRequest(int port, SigV4Signer signer) {
    String host = "127.0.0.1:" + port;
    byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
    String amzDate = SigV4Signer.amzDate(Instant.now());
    String target = "TrentService.ListKeys";
    String auth = signer.authorization("POST", "/", amzDate, List.of(
        Map.entry("content-type", KmsHttpClient.CONTENT_TYPE), Map.entry("host", host),
        Map.entry("x-amz-date", amzDate), Map.entry("x-amz-target", target)), body);
    String head = "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: " + KmsHttpClient.CONTENT_TYPE
        + "\r\nX-Amz-Target: " + target + "\r\nX-Amz-Date: " + amzDate + "\r\nAuthorization: " + auth
        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      byte[] line = new byte[12];
      int n = in.readNBytes(line, 0, line.length);
      if (n < 12) {
        return -1;
      }
      return Integer.parseInt(new String(line, 9, 3, StandardCharsets.US_ASCII));
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  private static long rssKib(long pid) throws IOException, InterruptedException {
    Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    ps.waitFor();
    return out.isEmpty() ? -1 : Long.parseLong(out);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
