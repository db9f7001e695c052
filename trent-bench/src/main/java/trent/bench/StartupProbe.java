package trent.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Start time of {@code trent serve}: from process start to the first answered KMS request, as
 * shared/BENCHMARKING.md says, for one or more ways of starting it ("variants").
 *
 * <p>Each start runs the variant's command followed by {@code --port 0 --data-dir DIR --config
 * FILE}; the configuration names one identity, so the server verifies the signature of the
 * request. The probe reads the server's standard output until it announces its endpoint, then
 * sends one SigV4-signed {@code ListKeys} and stops the clock when the answer's status line
 * arrives: nothing polls, nothing sleeps. Each variant has its own throwaway data dir, made by
 * one unmeasured warm-up start (which also lets {@code ./trent} build and train its archive); the
 * measured starts reuse it, as a restart does, or with {@code --fresh} each start gets an empty
 * one. Runs are interleaved (A, B, A, B, ...), so that a change in the machine's load touches
 * every variant alike.
 */
@Command(name = "bench startup", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Start time (process start to first answered request) of trent serve, per variant.")
public final class StartupProbe implements Callable<Integer> {

  private static final Pattern ENDPOINT =
      Pattern.compile("^Trent is serving the AWS KMS API at http://([^ /]+):(\\d+)");
  private static final long TIMEOUT_SECONDS = 60;
  /** The warm-up start may build Trent and train its archive first. */
  private static final long WARM_UP_TIMEOUT_SECONDS = 900;

  @Option(names = "--variant", paramLabel = "NAME=COMMAND",
      description = "A way to start the server, run with bash; the probe appends --port 0 --data-dir DIR"
          + " --config FILE (repeatable; default: trent=./trent serve). E.g."
          + " 'jdk17=TRENT_JAVA=/usr/lib/jvm/java-17-openjdk-amd64 ./trent serve'.")
  Map<String, String> variants = new LinkedHashMap<>();

  @Option(names = "--runs", defaultValue = "10", description = "Measured starts per variant. Default: ${DEFAULT-VALUE}")
  int runs;

  @Option(names = "--fresh", description = "Start every time on an empty data dir (a first start), not a restart.")
  boolean fresh;

  @Option(names = "--idle", defaultValue = "0",
      description = "After the last start of each variant, seconds idle before reading its RSS (0: no RSS)."
          + " Default: ${DEFAULT-VALUE}")
  int idleSeconds;

  private final PrintStream out;

  StartupProbe(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new StartupProbe(System.out)).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--runs must be at least 1");
    }
    if (variants.isEmpty()) {
      variants.put("trent", "./trent serve");
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

      List<String> names = new ArrayList<>(variants.keySet());
      Map<String, double[]> wall = new LinkedHashMap<>();
      Map<String, double[]> cpu = new LinkedHashMap<>();
      for (String name : names) {
        Start warm = start(name, dir, config, signer, 0, WARM_UP_TIMEOUT_SECONDS, false);
        out.printf(Locale.ROOT, "%-12s warm-up  %6.0f ms%n", name, warm.millis);
        wall.put(name, new double[runs]);
        cpu.put(name, new double[runs]);
      }
      Map<String, Long> rss = new LinkedHashMap<>();
      for (int i = 0; i < runs; i++) {
        for (String name : names) {
          boolean last = i == runs - 1;
          Start s = start(name, dir, config, signer, fresh ? i + 1 : 0, TIMEOUT_SECONDS, last && idleSeconds > 0);
          wall.get(name)[i] = s.millis;
          cpu.get(name)[i] = s.cpuMillis;
          if (s.rssKib >= 0) {
            rss.put(name, s.rssKib);
          }
          out.printf(Locale.ROOT, "%-12s start %2d %6.0f ms%s%s%n", name, i + 1, s.millis,
              s.cpuMillis < 0 ? "" : String.format(Locale.ROOT, "  (CPU %.0f ms)", s.cpuMillis),
              s.status / 100 == 2 ? "" : "  (answered HTTP " + s.status + ")");
        }
      }
      out.printf(Locale.ROOT, "%nprocess start to first answered request, %d %s per variant:%n", runs,
          fresh ? "first starts (empty data dir)" : "restarts");
      for (String name : names) {
        double[] w = wall.get(name).clone();
        Arrays.sort(w);
        double[] c = cpu.get(name).clone();
        Arrays.sort(c);
        // CPU time is what a busy machine changes least: wall time also counts waiting for a core.
        out.printf(Locale.ROOT, "%-12s median %5.0f ms  (min %.0f, max %.0f)%s%s   %s%n", name, median(w), w[0],
            w[w.length - 1], c[0] < 0 ? "" : String.format(Locale.ROOT, "  CPU median %.0f ms", median(c)),
            rss.containsKey(name) ? String.format(Locale.ROOT, "  idle RSS %.1f MiB", rss.get(name) / 1024.0) : "",
            variants.get(name));
      }
      return 0;
    } finally {
      deleteRecursively(dir);
    }
  }

  record Start(double millis, int status, long rssKib, double cpuMillis) {}

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * One start of a variant. {@code generation} 0 is the variant's shared data dir; any other
   * value an empty one of its own.
   */
  private Start start(String name, Path dir, Path config, SigV4Signer signer, int generation, long timeoutSeconds,
      boolean measureRss) throws IOException, InterruptedException {
    Path dataDir = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + (generation == 0 ? "" : "-" + generation));
    Path log = dir.resolve("server.log");
    // "$@" after the command: the probe's arguments are passed as they are, never re-parsed by the shell.
    List<String> command = List.of("bash", "-c", variants.get(name) + " \"$@\"", name,
        "--port", "0", "--data-dir", dataDir.toString(), "--config", config.toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
    long t0 = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    Thread watchdog = new Thread(() -> {
      try {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "startup-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      InetSocketAddress endpoint = awaitEndpoint(p.getInputStream());
      if (endpoint == null) {
        throw new IOException(name + ": the server announced no endpoint (exit status "
            + (p.isAlive() ? "none: killed after " + timeoutSeconds + " s" : p.waitFor()) + "); its last lines:\n"
            + tail(log, 20));
      }
      int status = request(endpoint, signer);
      double millis = (System.nanoTime() - t0) / 1e6;
      if (status < 0) {
        throw new IOException(name + ": the server announced " + endpoint + " but did not answer; its last lines:\n"
            + tail(log, 20));
      }
      double cpu = cpuMillis(p.toHandle());
      long rss = -1;
      if (measureRss) {
        Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
        rss = rssKib(p.toHandle());
      }
      return new Start(millis, status, rss, cpu);
    } finally {
      watchdog.interrupt();
      List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
      all.add(p.toHandle());
      all.forEach(ProcessHandle::destroy);
      for (ProcessHandle h : all) {
        try {
          h.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          h.destroyForcibly();
        }
      }
      p.waitFor();
    }
  }

  /** Reads the server's standard output until it names its endpoint; null at end of stream. */
  static InetSocketAddress awaitEndpoint(InputStream stdout) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      Matcher m = ENDPOINT.matcher(line);
      if (m.find()) {
        String host = m.group(1).replaceAll("^\\[|\\]$", "");
        // Keep draining in the background: a server blocked on a full pipe would stop serving.
        Thread drain = new Thread(() -> {
          try {
            stdout.transferTo(OutputStream.nullOutputStream());
          } catch (IOException e) {
            // the server stopped
          }
        }, "startup-drain");
        drain.setDaemon(true);
        drain.start();
        return new InetSocketAddress(host, Integer.parseInt(m.group(2)));
      }
    }
    return null;
  }

  /** Sends one signed ListKeys; returns the answer's HTTP status, or -1 when there is none. */
  static int request(InetSocketAddress endpoint, SigV4Signer signer) {
    String host = endpoint.getHostString() + ":" + endpoint.getPort();
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
      s.connect(endpoint, 5000);
      s.setSoTimeout(30_000);
      OutputStream os = s.getOutputStream();
      os.write(head.getBytes(StandardCharsets.US_ASCII));
      os.write(body);
      os.flush();
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

  /** User + system CPU time of a process and its descendants from /proc (Linux), in ms; -1 elsewhere. */
  private static double cpuMillis(ProcessHandle process) {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process);
    double sum = 0;
    for (ProcessHandle h : all) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"), StandardCharsets.US_ASCII);
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        sum += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / CLOCK_TICKS; // utime, stime
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
    return sum;
  }

  /** Linux reports CPU times in clock ticks of 1/100 s on every common platform (sysconf(_SC_CLK_TCK)). */
  private static final int CLOCK_TICKS = 100;

  /** Resident set size of a process and its descendants, in KiB. */
  private static long rssKib(ProcessHandle process) throws IOException, InterruptedException {
    long sum = 0;
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process);
    for (ProcessHandle h : all) {
      Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(h.pid())).start();
      String text = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      ps.waitFor();
      sum += text.isEmpty() ? 0 : Long.parseLong(text);
    }
    return sum;
  }

  private static String tail(Path file, int lines) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
