package trent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes each selected target with Jazzer (coverage-guided, libFuzzer engine) in a child JVM for
 * {@code fuzz.seconds} seconds, starting from the seed corpus. A finding (an exception other than
 * the modeled ones, an input that runs longer than {@link #PER_INPUT_SECONDS}, running out of the
 * child's 1 GiB heap) fails the test; its input is saved under {@code target/fuzz-findings/}.
 *
 * <p>{@code ./mvnw verify} runs every target for 12 seconds (JVM start and instrumentation included), two at a time; {@code ./fuzz TARGET SECONDS} runs one
 * for longer. Figures go to {@code target/fuzz-report.txt}.
 */
class FuzzRunTest {

  static final int PER_INPUT_SECONDS = 30;
  private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");

  @Test
  void noFindings() throws Exception {
    List<FuzzTarget> targets = FuzzTarget.selected(System.getProperty("fuzz.targets", "all"));
    int seconds = Integer.parseInt(System.getProperty("fuzz.seconds", "12"));
    Path findings = Files.createDirectories(Path.of("target", "fuzz-findings"));
    // Two at a time: CI has two cores, and each run is one busy thread plus start-up.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<String>> runs = new ArrayList<>();
    for (FuzzTarget target : targets) {
      runs.add(pool.submit(() -> fuzz(target, seconds, findings)));
    }
    List<String> report = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      String failure = runs.get(i).get();
      report.add(summaries.get(targets.get(i)));
      if (failure != null) {
        failures.add(failure);
      }
    }
    pool.shutdown();
    Files.write(Path.of("target", "fuzz-report.txt"), report);
    assertThat(failures).as("fuzz findings").isEmpty();
  }

  private final Map<FuzzTarget, String> summaries = new ConcurrentHashMap<>();

  /** Runs Jazzer on one target; returns null, or what went wrong. */
  private String fuzz(FuzzTarget target, int seconds, Path findings) throws IOException, InterruptedException {
    Path corpus = Files.createDirectories(Path.of("target", "fuzz-corpus", target.id()));
    Path log = Path.of("target", "fuzz-" + target.id() + ".log");
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:-OmitStackTraceInFastThrow",
        "-cp", System.getProperty("java.class.path"),
        "com.code_intelligence.jazzer.Jazzer",
        "--target_class=" + target.targetClass.getName(),
        "--instrumentation_includes=trent.**",
        "--reproducer_path=" + findings,
        "-max_total_time=" + seconds,
        "-timeout=" + PER_INPUT_SECONDS,
        "-artifact_prefix=" + findings + "/" + target.id() + "-",
        corpus.toString(),
        target.corpus().toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      summaries.put(target, target.id() + ": did not finish");
      return target.id() + ": did not finish";
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Matcher done = DONE.matcher(output);
    boolean finished = done.find();
    String runs = finished ? done.group(1) + " executions in " + done.group(2) + " s" : "no summary";
    String line = String.format("%-12s exit %d, %s, corpus %d inputs", target.id(), process.exitValue(), runs,
        count(corpus) + count(target.corpus()));
    summaries.put(target, line);
    System.out.println("fuzz: " + line);
    if (process.exitValue() != 0 || !finished) {
      return target.id() + " (see " + log + "):\n" + tail(output, 60);
    }
    return null;
  }

  private static long count(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  private static String tail(String s, int lines) {
    String[] all = s.split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
  }
}
